package app.movierec.catalog;

import app.movierec.common.DatasetReadyEvent;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the catalogue: movies, their links, and their genome tags. Listings (movie +
 * links) are cached in memory, bounded, and dropped when a dataset is imported, so a page of
 * recommendations, re-blended many times while the slider moves, costs no database query. After
 * each import every listing is read in the background in one query (at ML-25M's size 62k movies,
 * about 1 s and 20 MB), so even the first recommendation lists of a new server wait on no query:
 * filling the cache movie by movie cost 10% of a 25M recommendation's CPU under load.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

  private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

  /** About the largest MovieLens catalogue (ml-32m: 87,585 movies), so a catalogue fits. */
  private static final int CACHED_LISTINGS = 100_000;

  private final Cache<Integer, MovieListing> listings =
      Caffeine.newBuilder().maximumSize(CACHED_LISTINGS).build();

  private final MovieRepository movies;
  private final LinkRepository links;
  private final GenomeTagRepository genomeTags;
  private final GenomeVectorRepository genomeVectors;
  private final UserTagRepository userTags;
  private final JdbcTemplate jdbc;
  private final AtomicLong imports = new AtomicLong(); // which import the cached listings are of

  CatalogService(
      MovieRepository movies,
      LinkRepository links,
      GenomeTagRepository genomeTags,
      GenomeVectorRepository genomeVectors,
      UserTagRepository userTags,
      JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.movies = movies;
    this.links = links;
    this.genomeTags = genomeTags;
    this.genomeVectors = genomeVectors;
    this.userTags = userTags;
  }

  /** Drops the cached listings: the import has replaced the catalogue. */
  @EventListener
  void onDatasetReady(DatasetReadyEvent event) {
    long generation = imports.incrementAndGet();
    listings.invalidateAll();
    Thread.ofVirtual().name("catalogue-listings").start(() -> preloadListings(generation));
  }

  /** Caches every listing of the catalogue, unless another import came in the meantime. */
  private void preloadListings(long generation) {
    long start = System.nanoTime();
    Map<Integer, MovieListing> all = new HashMap<>();
    try {
      jdbc.query(
          "select "
              + MovieRows.COLUMNS
              + ", l.imdb_id, l.tmdb_id from movie m left join movie_link l on l.movie_id ="
              + " m.movie_id",
          (RowCallbackHandler)
              row -> {
                Movie movie = MovieRows.movie(row);
                Integer imdbId = MovieRows.integer(row, 5);
                Integer tmdbId = MovieRows.integer(row, 6);
                Link link =
                    imdbId == null && tmdbId == null
                        ? null
                        : new Link(movie.getMovieId(), imdbId, tmdbId);
                all.put(movie.getMovieId(), new MovieListing(movie, link));
              });
    } catch (RuntimeException e) {
      log.warn("Could not read the catalogue's listings ahead: {}", e.getMessage());
      return;
    }
    if (all.size() > CACHED_LISTINGS || imports.get() != generation) {
      return; // too big to keep whole (they are cached as asked for), or stale
    }
    listings.putAll(all);
    if (imports.get() != generation) {
      listings.invalidateAll(); // an import finished while these were stored
      return;
    }
    log.info(
        "Cached the listings of {} movies in {} ms",
        all.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The listings of these movies, by id, in the order given; unknown ids are left out. One query
   * for the movies not cached yet.
   */
  @Transactional(propagation = Propagation.SUPPORTS) // no transaction when all are cached
  public Map<Integer, MovieListing> listings(Collection<Integer> movieIds) {
    Map<Integer, MovieListing> found =
        listings.getAll(
            movieIds,
            missing -> {
              Map<Integer, Link> linksById = links(List.copyOf(missing));
              Map<Integer, MovieListing> loaded = new HashMap<>();
              movies(List.copyOf(missing))
                  .forEach(
                      (movieId, movie) ->
                          loaded.put(movieId, new MovieListing(movie, linksById.get(movieId))));
              return loaded;
            });
    Map<Integer, MovieListing> ordered = new LinkedHashMap<>();
    for (Integer movieId : movieIds) {
      MovieListing listing = found.get(movieId);
      if (listing != null) {
        ordered.put(movieId, listing);
      }
    }
    return ordered;
  }

  /** How many listings are cached (for tests). */
  long cachedListings() {
    listings.cleanUp();
    return listings.estimatedSize();
  }

  /** The listing of one movie; empty when the catalogue does not have it. */
  public Optional<MovieListing> listing(int movieId) {
    return Optional.ofNullable(listings(List.of(movieId)).get(movieId));
  }

  public Optional<Movie> movie(int movieId) {
    return movies.findById(movieId);
  }

  /** The movies with these ids, by id; unknown ids are left out. */
  public Map<Integer, Movie> movies(Collection<Integer> movieIds) {
    return movies.findAllById(movieIds).stream()
        .collect(Collectors.toMap(Movie::getMovieId, Function.identity()));
  }

  public Optional<Link> link(int movieId) {
    return links.findById(movieId);
  }

  /** The links of these movies, by movieId; movies without links are left out. */
  public Map<Integer, Link> links(Collection<Integer> movieIds) {
    return links.findAllById(movieIds).stream()
        .collect(Collectors.toMap(Link::getMovieId, Function.identity()));
  }

  /**
   * The genome tags most relevant to a movie, strongest first; empty when the movie has no genome
   * vector.
   */
  public List<GenomeTagRelevance> strongestGenomeTags(int movieId, int n) {
    Optional<GenomeVector> vector = genomeVectors.findById(movieId);
    if (vector.isEmpty()) {
      return List.of();
    }
    float[] relevance = vector.get().relevance();
    List<GenomeTag> tags = genomeTags.findAll(Sort.by("tagId"));
    return IntStream.range(0, Math.min(relevance.length, tags.size()))
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> relevance[i]).reversed())
        .limit(n)
        .map(i -> new GenomeTagRelevance(tags.get(i).getTag(), relevance[i]))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  public CatalogCounts counts() {
    return new CatalogCounts(
        movies.count(), links.count(), userTags.count(), genomeTags.count(), genomeVectors.count());
  }

  /** A genome tag and how strongly (0..1) it applies to a movie. */
  public record GenomeTagRelevance(String tag, double relevance) {}
}
