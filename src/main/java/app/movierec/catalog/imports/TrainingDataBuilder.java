package app.movierec.catalog.imports;

import app.movierec.common.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects rows into the parallel arrays of {@link TrainingData}, growing them as it goes. */
final class TrainingDataBuilder {

  private final List<Integer> movieIds = new ArrayList<>();
  private final List<List<String>> genres = new ArrayList<>();
  private final Map<Integer, List<String>> userTags = new HashMap<>();
  private final Map<Integer, float[]> genome = new HashMap<>();
  private List<String> genomeTagNames = List.of();
  private int[] users = new int[1 << 16];
  private int[] movies = new int[1 << 16];
  private float[] ratings = new float[1 << 16];
  private int size;

  void movie(int movieId, List<String> movieGenres) {
    movieIds.add(movieId);
    genres.add(List.copyOf(movieGenres));
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
    userTags.computeIfAbsent(movieId, id -> new ArrayList<>()).add(tag);
  }

  /** The genome tags' names in ascending tagId order, parallel to the genome vectors. */
  void genomeTagNames(List<String> names) {
    genomeTagNames = List.copyOf(names);
  }

  void genomeVector(int movieId, float[] relevance) {
    genome.put(movieId, relevance);
  }

  /** Movies must have been added in ascending movieId order. */
  TrainingData build(String fingerprint) {
    int[] ids = movieIds.stream().mapToInt(Integer::intValue).toArray();
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] <= ids[i - 1]) {
        throw new IllegalStateException("movies must come in ascending movieId order");
      }
    }
    return new TrainingData(
        fingerprint,
        ids,
        List.copyOf(genres),
        Map.copyOf(userTags),
        Map.copyOf(genome),
        Arrays.copyOf(users, size),
        Arrays.copyOf(movies, size),
        Arrays.copyOf(ratings, size),
        genomeTagNames);
  }
}
