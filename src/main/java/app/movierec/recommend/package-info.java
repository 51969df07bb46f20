/**
 * The recommender's public API: {@link app.movierec.recommend.RecommendationService} (trained in
 * the background after the dataset import, swapped atomically) and the plain records it returns
 * ({@code ScoredMovie}, {@code Explanation}). The models live in the subpackages {@code als}
 * (collaborative filtering), {@code content} (tag genome), {@code hybrid} (their blend) and {@code
 * eval} (offline evaluation); MovieLens ids map to matrix rows through {@code IdIndex}.
 */
package app.movierec.recommend;
