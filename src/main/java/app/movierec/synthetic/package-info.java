/**
 * Synthetic MovieLens folders of any size ({@code MovieLensSynthesizer}): ML-25M's shape and file
 * formats by default, with planted structure (latent user tastes and movie topics behind the
 * ratings, genome relevances that follow the same topics) so that the models' quality can be
 * checked at any size. Depends only on {@code common}.
 */
package app.movierec.synthetic;
