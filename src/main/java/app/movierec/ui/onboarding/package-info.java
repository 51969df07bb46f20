/**
 * Onboarding at {@code /start}, as on MovieLens: a visitor without a MovieLens id rates popular (or
 * searched) movies with half stars, a like and undo, and watches the hybrid recommendations follow
 * each rating (fold-in, no retraining); the first rating stores them as a user.
 */
package app.movierec.ui.onboarding;
