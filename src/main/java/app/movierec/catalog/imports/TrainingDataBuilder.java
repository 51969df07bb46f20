package app.movierec.catalog.imports;

import app.movierec.common.GenomeMatrix;
import app.movierec.common.MovieTags;
import app.movierec.common.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects rows into the parallel arrays of {@link TrainingData}, growing them as it goes (or sized
 * once when the number of ratings is known). Genre lists are shared between movies with the same
 * genres, tag texts are kept once ({@link MovieTags}), the genome goes into one matrix.
 */
final class TrainingDataBuilder {

  private int[] movieIds = new int[1024];
  private int movieCount;
  private final List<List<String>> genres = new ArrayList<>();
  private final Map<List<String>, List<String>> distinctGenres = new HashMap<>();
  private final MovieTags.Builder userTags = MovieTags.builder();
  private final GenomeMatrix.Builder genome = GenomeMatrix.builder();
  private List<String> genomeTagNames = List.of();
  private int[] users;
  private int[] movies;
  private float[] ratings;
  private int size;

  TrainingDataBuilder() {
    this(1 << 16);
  }

  /** A builder with room for {@code expectedRatings} ratings (it still grows past them). */
  TrainingDataBuilder(int expectedRatings) {
    int capacity = Math.max(16, expectedRatings);
    users = new int[capacity];
    movies = new int[capacity];
    ratings = new float[capacity];
  }

  void movie(int movieId, List<String> movieGenres) {
    if (movieCount == movieIds.length) {
      movieIds = Arrays.copyOf(movieIds, movieCount * 2);
    }
    movieIds[movieCount++] = movieId;
    List<String> copy = List.copyOf(movieGenres);
    genres.add(distinctGenres.computeIfAbsent(copy, key -> key));
  }

  void rating(int userId, int movieId, float rating) {
    if (size == users.length) {
      int capacity = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, users.length * 2L));
      users = Arrays.copyOf(users, capacity);
      movies = Arrays.copyOf(movies, capacity);
      ratings = Arrays.copyOf(ratings, capacity);
    }
    users[size] = userId;
    movies[size] = movieId;
    ratings[size] = rating;
    size++;
  }

  void tag(int movieId, String tag) {
    userTags.add(movieId, tag);
  }

  /** The genome tags' names in ascending tagId order, parallel to the genome vectors. */
  void genomeTagNames(List<String> names) {
    genomeTagNames = List.copyOf(names);
  }

  void genomeVector(int movieId, float[] relevance) {
    genome.add(movieId, relevance);
  }

  /** Movies must have been added in ascending movieId order. */
  TrainingData build(String fingerprint) {
    int[] ids = Arrays.copyOf(movieIds, movieCount);
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] <= ids[i - 1]) {
        throw new IllegalStateException("movies must come in ascending movieId order");
      }
    }
    return new TrainingData(
        fingerprint,
        ids,
        List.copyOf(genres),
        userTags.build(),
        genome.build(),
        size == users.length ? users : Arrays.copyOf(users, size),
        size == movies.length ? movies : Arrays.copyOf(movies, size),
        size == ratings.length ? ratings : Arrays.copyOf(ratings, size),
        genomeTagNames);
  }
}
