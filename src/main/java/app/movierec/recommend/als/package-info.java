/**
 * Implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008) fitted by alternating least
 * squares with the conjugate-gradient row solver of Takacs et al. (2011): {@code AlsConfig} holds
 * the hyperparameters, {@code AlsTrainer} fits, and the immutable {@code AlsModel} recommends,
 * folds in new users, finds similar movies and explains scores. ND4J computes the Gram matrices and
 * batched scores; each row's solve is tight Java (see {@code RowSolver}), SIMD through the Vector
 * API when the JVM has {@code jdk.incubator.vector}, plain Java otherwise.
 */
package app.movierec.recommend.als;
