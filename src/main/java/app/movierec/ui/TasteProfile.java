package app.movierec.ui;

import app.movierec.ratings.Rating;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a user likes, as the profile's chart shows it: among the movies they rated {@link #LIKED}
 * stars or more, how many carry each of the most common genome tags (a tag counts for a movie when
 * it is one of that movie's strongest), or, when too few of those movies have a genome vector (as
 * in ml-latest-small), how many have each genre.
 *
 * @param heading the chart's title
 * @param explanation one sentence on what the bars count
 * @param labels tags or genres, most frequent first
 * @param counts how many liked movies each has
 */
public record TasteProfile(
    String heading, String explanation, List<String> labels, List<Integer> counts) {

  static final double LIKED = 4.0;
  static final int BARS = 8;
  static final int TAGS_PER_MOVIE = 10;

  /** Liked movies with a genome vector needed before the genome tags are trusted to say much. */
  static final int GENOME_MINIMUM = 3;

  /**
   * The profile of {@code ratings}; empty without ratings. A user who rated nothing {@link #LIKED}
   * or more is profiled by their ratings above their own average instead.
   *
   * @param genresOf a movie's genres
   * @param genomeTagsOf a movie's {@link #TAGS_PER_MOVIE} strongest genome tags, empty without
   */
  static Optional<TasteProfile> of(
      List<Rating> ratings,
      Function<Integer, List<String>> genresOf,
      Function<Integer, List<String>> genomeTagsOf) {
    if (ratings.isEmpty()) {
      return Optional.empty();
    }
    double mean = ratings.stream().mapToDouble(Rating::getRating).average().orElse(0);
    List<Integer> liked =
        ratings.stream().filter(r -> r.getRating() >= LIKED).map(Rating::getMovieId).toList();
    String which = String.format(Locale.ROOT, "the %d movies rated 4★ or more", liked.size());
    if (liked.isEmpty()) {
      liked = ratings.stream().filter(r -> r.getRating() >= mean).map(Rating::getMovieId).toList();
      which = String.format(Locale.ROOT, "the %d movies rated above average", liked.size());
    }
    Map<String, Integer> tags = new LinkedHashMap<>();
    int withGenome = 0;
    for (int movieId : liked) {
      List<String> movieTags = genomeTagsOf.apply(movieId);
      if (!movieTags.isEmpty()) {
        withGenome++;
        movieTags.forEach(tag -> tags.merge(tag, 1, Integer::sum));
      }
    }
    if (withGenome >= GENOME_MINIMUM) {
      return Optional.of(
          top(
              "Your strongest genome tags",
              "Of "
                  + which
                  + ", how many have each tag among their "
                  + TAGS_PER_MOVIE
                  + " strongest (tag genome).",
              tags));
    }
    Map<String, Integer> genres = new LinkedHashMap<>();
    for (int movieId : liked) {
      genresOf.apply(movieId).forEach(genre -> genres.merge(genre, 1, Integer::sum));
    }
    if (genres.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        top(
            "Genres you like",
            "Of " + which + ", how many have each genre (MovieLens genres).",
            genres));
  }

  private static TasteProfile top(String heading, String explanation, Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> best =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(BARS)
            .toList();
    return new TasteProfile(
        heading,
        explanation,
        best.stream().map(Map.Entry::getKey).toList(),
        best.stream().map(Map.Entry::getValue).toList());
  }
}
