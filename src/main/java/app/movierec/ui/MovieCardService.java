package app.movierec.ui;

import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Movie;
import app.movierec.catalog.MovieListing;
import app.movierec.common.ScoredMovie;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.content.VectorKind;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.tmdb.MovieRef;
import app.movierec.tmdb.PosterService;
import app.movierec.ui.components.MatchScore;
import app.movierec.ui.components.MovieCard;
import app.movierec.ui.components.MovieCardData;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Image;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Turns the recommender's movie ids into {@link MovieCard}s: the catalogue's title, year, genres
 * and links, the poster available now, and the real poster swapped in when TMDB answers.
 *
 * <p>Movies come from the catalogue's cached listings, so re-blending a grid while the slider moves
 * costs no database query.
 */
@Service
public class MovieCardService {

  private final CatalogService catalog;
  private final PosterService posters;
  private final RecommendationService recommender;

  /**
   * movieId -> the poster URL once it is final (TMDB's image, or the generated one when TMDB has
   * none or no key).
   */
  private final Map<Integer, String> finalPosters = new ConcurrentHashMap<>();

  MovieCardService(
      CatalogService catalog, PosterService posters, RecommendationService recommender) {
    this.catalog = catalog;
    this.posters = posters;
    this.recommender = recommender;
  }

  /**
   * Cards for a list of similar movies by one model (scores are cosines, shown as "83% alike"), in
   * its order; movies missing from the catalogue are left out. Call on the UI thread.
   */
  public Cards similarCards(List<ScoredMovie> movies) {
    Cards created = cards(data(movies, Map.of()));
    for (MovieCard card : created.cards()) {
      MatchScore.similarityBadge(card.getData().score())
          .ifPresent(
              text ->
                  card.setBadge(
                      text, "Cosine similarity " + format(card.getData().score()) + " (1 = same)"));
      showContentBasis(card);
    }
    return created;
  }

  /**
   * Cards for a list ranked by blended z-scores that is not a user's (a movie's "more like this"):
   * no badge, the order says it.
   */
  public Cards rankedCards(List<ScoredMovie> movies) {
    Cards created = cards(data(movies, Map.of()));
    created.cards().forEach(card -> card.setBarScale(MatchScore::standardNormalCdf));
    created.cards().forEach(this::showContentBasis);
    return created;
  }

  /**
   * Cards for a user's recommendations under {@code weights}: the match badge people read ({@link
   * MatchScore}), each model's part as the same percentile (a bar and a percent) and, for the maths
   * view, the per-user z-scores. A movie that already has a card in {@code shown} (by movieId)
   * keeps that card with its new score: a re-blend then only changes numbers and order, not
   * posters.
   */
  public Cards recommendationCards(
      List<ScoredMovie> movies, Map<Integer, MovieCard> shown, BlendWeights weights) {
    Cards created = cards(data(movies, shown));
    created.cards().forEach(card -> card.setBarScale(MatchScore::standardNormalCdf));
    created.cards().forEach(this::showContentBasis);
    Map<Integer, MovieCard> fresh = new HashMap<>();
    created.cards().forEach(card -> fresh.put(card.getData().movie().movieId(), card));
    List<MovieCard> ordered = new ArrayList<>(movies.size());
    for (ScoredMovie scored : movies) {
      MovieCard card = shown.get(scored.movieId());
      if (card != null) {
        card.setScore(scored.score(), scored.alsScore(), scored.contentScore());
      } else {
        card = fresh.get(scored.movieId());
      }
      if (card != null) {
        card.setBadge(MatchScore.recommendationBadge(scored, weights), matchTooltip(scored));
        ordered.add(card);
      }
    }
    return new Cards(List.copyOf(ordered), created.postersResolved());
  }

  private static String matchTooltip(ScoredMovie scored) {
    return MatchScore.isPopularityFallback(scored)
        ? "One of the most rated movies: there are no ratings to personalise from yet"
        : "Scores higher than about this share of the movies not rated yet (see How the scores"
            + " work)";
  }

  private void showContentBasis(MovieCard card) {
    if (recommender.ready()) {
      recommender
          .contentKind(card.getData().movie().movieId())
          .ifPresent(
              kind ->
                  card.setContentBasis(
                      kind == VectorKind.GENOME ? "Genome" : "Genres & tags",
                      kind == VectorKind.GENOME
                          ? "Similar content, compared by its tag genome"
                          : "Similar content, compared by its genres and users' tags (no tag"
                              + " genome for it)"));
    }
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private List<MovieCardData> data(List<ScoredMovie> movies, Map<Integer, MovieCard> shown) {
    Map<Integer, CatalogEntry> known = entries(movies.stream().map(ScoredMovie::movieId).toList());
    List<MovieCardData> data = new ArrayList<>();
    for (ScoredMovie scored : movies) {
      CatalogEntry entry = known.get(scored.movieId());
      if (entry != null && !shown.containsKey(scored.movieId())) {
        data.add(MovieCardData.of(entry.movie(), entry.imdbId(), scored));
      }
    }
    return data;
  }

  /** Cards without a score (a user's favourites), in the given order. Call on the UI thread. */
  public Cards unscoredCards(List<Integer> movieIds) {
    Map<Integer, CatalogEntry> known = entries(movieIds);
    List<MovieCardData> data = new ArrayList<>();
    for (int movieId : movieIds) {
      CatalogEntry entry = known.get(movieId);
      if (entry != null) {
        data.add(MovieCardData.unscored(entry.movie(), entry.imdbId()));
      }
    }
    return cards(data);
  }

  /**
   * Shows the movie's poster in {@code image}: the one available now, then the real one when TMDB
   * answers (through server push). Call on the UI thread.
   */
  public void showPoster(Image image, MovieRef movie) {
    int movieId = movie.movieId();
    String known = finalPosters.get(movieId);
    image.setSrc(
        known != null
            ? known
            : linked(movieId, posters.posterUrlsNow(List.of(movie)).get(movieId)));
    if (known != null) {
      return;
    }
    UI ui = UI.getCurrent();
    posters
        .posterUrl(movie)
        .thenAccept(
            url -> {
              if (url != null && ui != null) {
                try {
                  ui.access(() -> image.setSrc(linked(movieId, url)));
                } catch (UIDetachedException e) {
                  // the page was left: nobody sees this poster any more
                }
              }
            });
  }

  /** The movie as cards and dialogs show it; empty when the catalogue does not have it. */
  public Optional<MovieRef> movie(int movieId) {
    return Optional.ofNullable(entries(List.of(movieId)).get(movieId)).map(CatalogEntry::movie);
  }

  /**
   * Titles with years for a few movies at once, by movieId ("Toy Story (1995)"); unknown ids are
   * left out.
   */
  public Map<Integer, MovieRef> movies(Collection<Integer> movieIds) {
    Map<Integer, MovieRef> result = new LinkedHashMap<>();
    entries(movieIds).forEach((movieId, entry) -> result.put(movieId, entry.movie()));
    return result;
  }

  private Cards cards(List<MovieCardData> data) {
    List<MovieRef> unresolved =
        data.stream()
            .map(MovieCardData::movie)
            .filter(movie -> !finalPosters.containsKey(movie.movieId()))
            .toList();
    Map<Integer, String> postersNow =
        unresolved.isEmpty() ? Map.of() : posters.posterUrlsNow(unresolved);
    List<MovieCard> cards = new ArrayList<>(data.size());
    List<CompletableFuture<String>> realPosters = new ArrayList<>();
    for (MovieCardData card : data) {
      int movieId = card.movie().movieId();
      String known = finalPosters.get(movieId);
      if (known != null) {
        // A re-blend shows mostly the same movies: no poster lookup, no database query.
        cards.add(new MovieCard(card, known));
        continue;
      }
      var component = new MovieCard(card);
      CompletableFuture<String> realPoster =
          posters.posterUrl(card.movie()).thenApply(url -> linked(movieId, url));
      realPoster.thenAccept(
          url -> {
            // A generated poster is final only without TMDB; with TMDB it may stand in for a failed
            // lookup.
            if (url != null
                && (!url.equals(GeneratedPosterController.urlOf(movieId))
                    || !posters.isTmdbEnabled())) {
              finalPosters.put(movieId, url);
            }
          });
      component.showPoster(linked(movieId, postersNow.get(movieId)), realPoster);
      cards.add(component);
      realPosters.add(realPoster);
    }
    return new Cards(
        List.copyOf(cards), CompletableFuture.allOf(realPosters.toArray(CompletableFuture[]::new)));
  }

  /**
   * A generated poster ({@code data:} URI) by its short, cacheable URL instead; other URLs as they
   * are.
   */
  private static String linked(int movieId, String posterUrl) {
    return posterUrl != null && posterUrl.startsWith("data:image/svg+xml")
        ? GeneratedPosterController.urlOf(movieId)
        : posterUrl;
  }

  private Map<Integer, CatalogEntry> entries(Collection<Integer> movieIds) {
    Map<Integer, CatalogEntry> result = new LinkedHashMap<>();
    catalog.listings(movieIds).forEach((movieId, listing) -> result.put(movieId, entryOf(listing)));
    return result;
  }

  private static CatalogEntry entryOf(MovieListing listing) {
    Movie movie = listing.movie();
    Long tmdbId = listing.tmdbId() == null ? null : listing.tmdbId().longValue();
    String imdbId =
        listing.imdbId() == null ? null : String.format(Locale.ROOT, "%07d", listing.imdbId());
    var ref =
        new MovieRef(
            movie.getMovieId(), tmdbId, movie.getTitle(), movie.getYear(), movie.genreList());
    return new CatalogEntry(ref, imdbId);
  }

  private record CatalogEntry(MovieRef movie, String imdbId) {}

  /**
   * Cards ready to add to a page, and a future that completes when every real poster has been
   * resolved (the page polls until then so the swaps reach the browser).
   */
  public record Cards(List<MovieCard> cards, CompletableFuture<Void> postersResolved) {}
}
