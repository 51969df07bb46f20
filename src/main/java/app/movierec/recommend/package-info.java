/**
 * The recommender: the immutable {@link app.movierec.recommend.HybridModel} (ALS + content + the
 * blend chosen for them), fitted by {@link app.movierec.recommend.HybridTrainer}, answering the
 * questions of {@link app.movierec.recommend.MovieRecommender}; {@link
 * app.movierec.recommend.ModelLifecycle} trains, saves, loads and swaps it, and {@link
 * app.movierec.recommend.RecommendationService} is the one query facade, working from each user's
 * effective ratings. The models live in the subpackages {@code als} (collaborative filtering),
 * {@code content} (tag genome), {@code hybrid} (their blend) and {@code eval} (splits and metrics).
 */
package app.movierec.recommend;
