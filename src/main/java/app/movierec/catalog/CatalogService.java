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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the catalogue: movies, their links, and their genome tags. Listings (movie +
 * links) are cached in memory, bounded, and dropped when a dataset is imported, so a page of
 * recommendations, re-blended many times while the slider moves, costs no database query.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

  /** About the largest MovieLens catalogue (ml-32m: 87,585 movies), so a catalogue fits. */
  private static final int CACHED_LISTINGS = 100_000;

  private final Cache<Integer, MovieListing> listings =
      Caffeine.newBuilder().maximumSize(CACHED_LISTINGS).build();

  private final MovieRepository movies;
  private final LinkRepository links;
  private final GenomeTagRepository genomeTags;
  private final GenomeVectorRepository genomeVectors;
  private final UserTagRepository userTags;

  CatalogService(
      MovieRepository movies,
      LinkRepository links,
      GenomeTagRepository genomeTags,
      GenomeVectorRepository genomeVectors,
      UserTagRepository userTags) {
    this.movies = movies;
    this.links = links;
    this.genomeTags = genomeTags;
    this.genomeVectors = genomeVectors;
    this.userTags = userTags;
  }

  /** Drops the cached listings: the import has replaced the catalogue. */
  @EventListener
  void onDatasetReady(DatasetReadyEvent event) {
    listings.invalidateAll();
  }

  /**
   * The listings of these movies, by id, in the order given; unknown ids are left out. One query
   * for the movies not cached yet.
   */
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
