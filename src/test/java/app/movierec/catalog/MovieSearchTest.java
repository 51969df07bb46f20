package app.movierec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.SharedDatasets;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Title search: word order, year, accents, case, prefixes, ranking; and a timing printout on
 * ml-latest-small.
 */
class MovieSearchTest {

  private static final List<Movie> MOVIES =
      List.of(
          new Movie(1, "Matrix, The", 1999, "Action|Sci-Fi"),
          new Movie(2, "Matrix Reloaded, The", 2003, "Action|Sci-Fi"),
          new Movie(3, "Amélie (Fabuleux destin d'Amélie Poulain, Le)", 2001, "Comedy|Romance"),
          new Movie(4, "Matrix of Evil", 2003, "Thriller"),
          new Movie(5, "2001: A Space Odyssey", 1968, "Sci-Fi"),
          new Movie(6, "Mat", 2010, "Drama"));
  private static final Map<Integer, Integer> RATING_COUNTS =
      Map.of(1, 278, 2, 100, 3, 120, 4, 1, 5, 109, 6, 0);
  private static final MovieSearch SEARCH = MovieSearch.of(MOVIES, RATING_COUNTS);

  @Test
  void finds_a_title_with_the_year_before_or_after_the_words() {
    assertThat(ids("matrix 1999")).containsExactly(1);
    assertThat(ids("1999 matrix")).containsExactly(1);
  }

  @Test
  void ignores_accents_and_case() {
    assertThat(ids("AMELIE")).containsExactly(3);
    assertThat(ids("amélie poulain")).containsExactly(3);
  }

  @Test
  void ranks_exact_words_before_prefixes_and_popular_movies_first_among_equals() {
    assertThat(ids("matrix")).containsExactly(1, 2, 4);
    assertThat(ids("mat")).first().isEqualTo(6);
    assertThat(ids("mat")).containsExactly(6, 1, 2, 4);
  }

  @Test
  void a_number_matches_title_words_as_well_as_years() {
    assertThat(ids("2001")).containsExactlyInAnyOrder(3, 5);
    assertThat(ids("2001 space")).containsExactly(5);
  }

  @Test
  void every_word_must_match() {
    assertThat(ids("matrix amelie")).isEmpty();
    assertThat(ids("   ")).isEmpty();
    assertThat(SEARCH.search("matrix", 2)).hasSize(2);
  }

  @Test
  void a_limit_keeps_the_head_of_the_full_ranking_among_many_ties() {
    // 300 titles with "night": scores, popularity and title length tie in groups, so the bounded
    // heap must break ties exactly as the full ranking does (then by catalogue order)
    List<Movie> movies = new ArrayList<>();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int movieId = 1; movieId <= 300; movieId++) {
      String title = movieId % 3 == 0 ? "Night" : movieId % 3 == 1 ? "Night Shift" : "Nights";
      movies.add(new Movie(movieId, title, 1990, "Drama"));
      counts.put(movieId, movieId % 7);
    }
    MovieSearch search = MovieSearch.of(movies, counts);
    List<Integer> all = search.search("night", 300).stream().map(Movie::getMovieId).toList();

    assertThat(all).hasSize(300).doesNotHaveDuplicates();
    for (int limit : new int[] {1, 7, 20, 299}) {
      assertThat(search.search("night", limit).stream().map(Movie::getMovieId).toList())
          .as("limit %d", limit)
          .containsExactlyElementsOf(all.subList(0, limit));
    }
    // exact word before prefix, then more ratings, then the shorter title, then movieId
    assertThat(all.subList(0, 3)).containsExactly(6, 27, 48);
  }

  @Test
  void prints_search_timings_on_ml_latest_small() throws IOException {
    Path dir = SharedDatasets.mlLatestSmall();
    Map<Integer, Integer> counts = new HashMap<>();
    for (CSVRecord row : csv(dir.resolve("ratings.csv"))) {
      counts.merge(Integer.parseInt(row.get("movieId")), 1, Integer::sum);
    }
    Pattern year = Pattern.compile("^(.*?)\\s*\\((\\d{4})\\)\\s*$");
    List<Movie> movies = new ArrayList<>();
    for (CSVRecord row : csv(dir.resolve("movies.csv"))) {
      Matcher m = year.matcher(row.get("title"));
      movies.add(
          m.matches()
              ? new Movie(
                  Integer.parseInt(row.get("movieId")),
                  m.group(1),
                  Integer.parseInt(m.group(2)),
                  row.get("genres"))
              : new Movie(
                  Integer.parseInt(row.get("movieId")), row.get("title"), null, row.get("genres")));
    }
    long built = System.nanoTime();
    MovieSearch search = MovieSearch.of(movies, counts);
    double buildMillis = (System.nanoTime() - built) / 1e6;

    List<String> queries =
        List.of(
            "matrix 1999",
            "1999 matrix",
            "amelie",
            "star wars",
            "the",
            "a",
            "lord rings",
            "toy story 1995",
            "godfather",
            "xyzzy");
    for (int warmup = 0; warmup < 200; warmup++) {
      queries.forEach(q -> search.search(q, 20));
    }
    int rounds = 500;
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      queries.forEach(q -> search.search(q, 20));
    }
    double micros = (System.nanoTime() - start) / 1e3 / (rounds * queries.size());
    System.out.printf(
        Locale.ROOT,
        "MovieSearch on ml-latest-small: %d movies, index built in %.1f ms,"
            + " %.1f us per query (mean over %d queries)%n",
        movies.size(),
        buildMillis,
        micros,
        rounds * queries.size());
    for (String query : queries) {
      System.out.printf(
          Locale.ROOT,
          "  %-16s -> %s%n",
          query,
          search.search(query, 3).stream().map(Movie::toString).toList());
    }

    assertThat(search.search("matrix 1999", 1).getFirst().getTitle()).isEqualTo("Matrix, The");
    assertThat(search.search("amélie", 1).getFirst().getTitle()).contains("Poulain");
    assertThat(search.search("toy story 1995", 1).getFirst().getMovieId()).isEqualTo(1);
  }

  @Test
  void random_titles_and_queries_rank_as_the_rules_say() {
    // words sharing prefixes, so that a query word is an exact word of some titles and a prefix in
    // others; few distinct counts and lengths, so that ties need every rule
    String[] vocabulary = {
      "night",
      "nights",
      "nightmare",
      "star",
      "stars",
      "start",
      "war",
      "wars",
      "love",
      "lover",
      "man",
      "mad",
      "max",
      "the",
      "a",
      "1995"
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    List<Movie> movies = new ArrayList<>();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int movieId = 1; movieId <= 400; movieId++) {
      StringBuilder title = new StringBuilder();
      for (int w = 1 + random.nextInt(4); w > 0; w--) {
        title.append(title.isEmpty() ? "" : " ").append(vocabulary[random.nextInt(15)]);
      }
      movies.add(new Movie(movieId, title.toString(), 1990 + random.nextInt(10), "Drama"));
      counts.put(movieId, random.nextInt(4));
    }
    MovieSearch search = MovieSearch.of(movies, counts);
    for (int q = 0; q < 300; q++) {
      List<String> words = new ArrayList<>();
      for (int w = 1 + random.nextInt(3); w > 0; w--) {
        String word = vocabulary[random.nextInt(vocabulary.length)];
        words.add(
            random.nextInt(3) == 0 ? word.substring(0, 1 + random.nextInt(word.length())) : word);
      }
      String query = String.join(" ", words);
      List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(words));
      List<Integer> expected =
          java.util.stream.IntStream.range(0, movies.size())
              .filter(i -> points(movies.get(i), distinct) > 0)
              .boxed()
              .sorted(
                  java.util.Comparator.<Integer>comparingInt(i -> -points(movies.get(i), distinct))
                      .thenComparingInt(i -> -counts.get(movies.get(i).getMovieId()))
                      .thenComparingInt(i -> movies.get(i).getTitle().length())
                      .thenComparingInt(i -> i))
              .map(i -> movies.get(i).getMovieId())
              .toList();
      for (int limit : new int[] {1, 10, 1000}) {
        assertThat(search.search(query, limit).stream().map(Movie::getMovieId).toList())
            .as("'%s', limit %d", query, limit)
            .containsExactlyElementsOf(expected.subList(0, Math.min(limit, expected.size())));
      }
    }
  }

  /**
   * The rules: each query word earns its best of 2 (a title word), 1 (the start of a title word)
   * and 2 (the release year); a title that misses a word does not match (0).
   */
  private static int points(Movie movie, List<String> words) {
    List<String> titleWords = MovieSearch.tokens(movie.getTitle());
    int total = 0;
    for (String word : words) {
      int best = 0;
      for (String titleWord : titleWords) {
        best = Math.max(best, titleWord.equals(word) ? 2 : titleWord.startsWith(word) ? 1 : 0);
      }
      if (word.equals(String.valueOf(movie.getYear()))) {
        best = 2;
      }
      if (best == 0) {
        return 0;
      }
      total += best;
    }
    return total;
  }

  private static List<Integer> ids(String query) {
    return SEARCH.search(query, 20).stream().map(Movie::getMovieId).toList();
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
