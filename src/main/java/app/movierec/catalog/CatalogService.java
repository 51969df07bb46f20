package app.movierec.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the catalogue: movies, their links, and their genome tags. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

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
