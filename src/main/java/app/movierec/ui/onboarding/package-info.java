/**
 * Onboarding at {@code /start}: a visitor without a MovieLens id searches titles, rates a few
 * movies and watches the hybrid recommendations follow each rating (fold-in, no retraining); the
 * first rating stores them as a user.
 */
package app.movierec.ui.onboarding;
