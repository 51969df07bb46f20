/**
 * The blend of the two models: {@code alsWeight x ALS + contentWeight x content} over per-query
 * standardised (z-score) scores. {@link app.movierec.recommend.hybrid.Blender} computes a query's
 * two standardised vectors once ({@code StandardScores}); re-blending under new weights is one
 * linear pass, which is what lets the slider re-rank live.
 */
package app.movierec.recommend.hybrid;
