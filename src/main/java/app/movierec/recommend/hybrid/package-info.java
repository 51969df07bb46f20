/**
 * The blend {@code alsWeight x ALS + contentWeight x content} of per-user standardised (z-score)
 * scores. A user's two normalised vectors ({@code UserScores}) are computed once and cached by the
 * service, so moving the weight slider only re-blends.
 */
package app.movierec.recommend.hybrid;
