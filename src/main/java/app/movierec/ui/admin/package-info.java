/**
 * The admin corner at {@code /admin}: retrain the recommender now (the app keeps serving) and see
 * its progress.
 */
package app.movierec.ui.admin;
