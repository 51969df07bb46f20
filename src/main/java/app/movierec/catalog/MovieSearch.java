package app.movierec.catalog;

import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Title search over the whole catalogue: the words of a query in any order, case and accents
 * ignored ("amelie" finds "Amélie"), the last word may be a prefix of a title word, and a
 * four-digit word may also match the release year ("matrix 1999"). Every query word must match.
 * Ranked by how many words matched exactly, then by popularity (number of ratings), then by shorter
 * title.
 *
 * <p>An in-memory token index (sorted distinct tokens, each with its movies) over the normalised
 * titles, built from the {@code movie} table on first use and rebuilt after each {@link
 * DatasetReadyEvent}; immutable and swapped whole, so searches never block on a rebuild.
 */
@Service
public class MovieSearch {

  private static final Logger log = LoggerFactory.getLogger(MovieSearch.class);
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The ranking counts come after this long even if the recommender is still training. */
  private static final long SETTLE_TIMEOUT_MINUTES = 30;

  private final JdbcTemplate jdbc;
  private final ProgressTracker progress;
  private volatile Index index;
  private final AtomicLong builds = new AtomicLong();

  MovieSearch(JdbcTemplate jdbc, ProgressTracker progress) {
    this.jdbc = jdbc;
    this.progress = progress;
  }

  /**
   * A search over a fixed list of movies (tests and benchmarks); {@code ratingCounts} by movieId.
   */
  static MovieSearch of(List<Movie> movies, Map<Integer, Integer> ratingCounts) {
    MovieSearch search = new MovieSearch(null, null);
    search.index = new Index(movies, ratingCounts);
    return search;
  }

  /**
   * Rebuilds the index after an import (the old one serves until the new one is ready): first from
   * the titles alone, then again with every movie's rating count for the ranking. Counting is a
   * pass over the whole rating table (38 s of CPU for 25M ratings in H2), so search works from the
   * titles-only index in the meantime instead of waiting for it, and the count waits until the
   * recommender serves (or failed), so that it does not slow the start of serving.
   */
  @EventListener
  public void onDatasetReady(DatasetReadyEvent event) {
    long generation = builds.incrementAndGet();
    Thread.ofVirtual()
        .name("movie-search-index")
        .start(
            () -> {
              try {
                Index titles = build();
                publish(generation, titles);
                awaitRecommenderSettled();
                publish(generation, rankedByRatingCounts(titles));
              } catch (RuntimeException e) {
                log.warn("Could not build the title index: {}", e.getMessage());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  private void awaitRecommenderSettled() throws InterruptedException {
    CountDownLatch settled = new CountDownLatch(1);
    Runnable unsubscribe =
        progress.subscribe(
            current -> {
              if (current.ready() || current.failed()) {
                settled.countDown();
              }
            });
    try {
      Progress now = progress.current();
      if (!now.ready() && !now.failed()) {
        settled.await(SETTLE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      }
    } finally {
      unsubscribe.run();
    }
  }

  /** Makes {@code built} the index unless a newer import started another build meanwhile. */
  private synchronized void publish(long generation, Index built) {
    if (builds.get() == generation) {
      index = built;
    }
  }

  /** Up to {@code limit} movies matching the query, best first; empty for a blank query. */
  public List<Movie> search(String query, int limit) {
    List<String> words = new ArrayList<>(new LinkedHashSet<>(tokens(query)));
    if (words.isEmpty() || limit <= 0) {
      return List.of();
    }
    return index().search(words, limit);
  }

  /** Lower case, accents removed, split on anything but letters and digits. */
  static List<String> tokens(String text) {
    if (text == null) {
      return List.of();
    }
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return Arrays.stream(NON_WORD.split(plain.toLowerCase(Locale.ROOT)))
        .filter(t -> !t.isEmpty())
        .toList();
  }

  private Index index() {
    Index current = index;
    if (current == null) {
      synchronized (this) {
        current = index;
        if (current == null) {
          current = build(); // a search before any import event: the titles suffice
          index = current;
        }
      }
    }
    return current;
  }

  /** The index of the titles, every movie ranked alike until rating counts come. */
  private Index build() {
    long start = System.nanoTime();
    List<Movie> movies = new ArrayList<>();
    jdbc.query(
        "select " + MovieRows.COLUMNS + " from movie m order by m.movie_id",
        (RowCallbackHandler) row -> movies.add(MovieRows.movie(row)));
    Index built = new Index(movies, Map.of());
    log.info(
        "Title index: {} movies, {} distinct words in {} ms",
        movies.size(),
        built.tokens.length,
        (System.nanoTime() - start) / 1_000_000);
    return built;
  }

  /** The same titles ranked by how many ratings each movie has. */
  private Index rankedByRatingCounts(Index titles) {
    long start = System.nanoTime();
    Map<Integer, Integer> ratingCounts = new HashMap<>();
    jdbc.query(
        "select movie_id, count(*) from rating group by movie_id",
        (RowCallbackHandler) row -> ratingCounts.put(row.getInt(1), row.getInt(2)));
    Index ranked = new Index(Arrays.asList(titles.movies), ratingCounts);
    log.info(
        "Title index ranked by the rating counts of {} movies in {} ms",
        ratingCounts.size(),
        (System.nanoTime() - start) / 1_000_000);
    return ranked;
  }

  private static final class Index {

    private final Movie[] movies;
    private final int[] popularity;
    private final int[] titleLength;
    private final String[] tokens;
    private final int[][] postings;
    private final Map<Integer, int[]> byYear;

    Index(List<Movie> movieList, Map<Integer, Integer> ratingCounts) {
      movies = movieList.toArray(Movie[]::new);
      popularity = new int[movies.length];
      titleLength = new int[movies.length];
      TreeMap<String, List<Integer>> byToken = new TreeMap<>();
      Map<Integer, List<Integer>> years = new HashMap<>();
      for (int i = 0; i < movies.length; i++) {
        Movie movie = movies[i];
        popularity[i] = ratingCounts.getOrDefault(movie.getMovieId(), 0);
        titleLength[i] = movie.getTitle().length();
        for (String token : new LinkedHashSet<>(tokens(movie.getTitle()))) {
          byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(i);
        }
        if (movie.getYear() != null) {
          years.computeIfAbsent(movie.getYear(), y -> new ArrayList<>()).add(i);
        }
      }
      tokens = byToken.keySet().toArray(String[]::new);
      postings =
          byToken.values().stream()
              .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
              .toArray(int[][]::new);
      byYear = new HashMap<>();
      years.forEach(
          (year, list) -> byYear.put(year, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    List<Movie> search(List<String> words, int limit) {
      int n = movies.length;
      int wordCount = words.size();
      // per movie: its points, and (words matched so far << 2 | the best points of the current
      // word); a movie that missed a word is never credited again, so only the movies of the
      // first word are candidates, and only they are walked at the end (not the whole catalogue)
      int[] score = new int[n];
      int[] state = new int[n];
      int[] candidates = new int[16];
      int candidateCount = 0;
      for (int w = 0; w < wordCount; w++) {
        String word = words.get(w);
        // exact word = 2, prefix of a word = 1, release year = 2
        int from = lowerBound(word);
        for (int t = from; t < tokens.length && tokens[t].startsWith(word); t++) {
          int points = tokens[t].length() == word.length() ? 2 : 1;
          for (int movie : postings[t]) {
            if (credit(movie, points, w, score, state) && w == 0) {
              if (candidateCount == candidates.length) {
                candidates = Arrays.copyOf(candidates, 2 * candidateCount);
              }
              candidates[candidateCount++] = movie;
            }
          }
        }
        if (word.length() == 4 && word.chars().allMatch(Character::isDigit)) {
          for (int movie : byYear.getOrDefault(Integer.parseInt(word), new int[0])) {
            if (credit(movie, 2, w, score, state) && w == 0) {
              if (candidateCount == candidates.length) {
                candidates = Arrays.copyOf(candidates, 2 * candidateCount);
              }
              candidates[candidateCount++] = movie;
            }
          }
        }
      }
      // the best `limit` hits by a bounded heap (worst at the root): a broad query ("a", "the")
      // matches thousands of titles, and sorting them all, boxed, cost more than the matching;
      // "better" is a total order, so the order the candidates are walked in does not matter
      int[] heap = new int[Math.min(limit, n)];
      int size = 0;
      for (int c = 0; c < candidateCount; c++) {
        int i = candidates[c];
        if (state[i] >>> 2 != wordCount) {
          continue;
        }
        if (size < heap.length) {
          heap[size] = i;
          siftUp(heap, size++, score);
        } else if (better(i, heap[0], score)) {
          heap[0] = i;
          siftDown(heap, size, score);
        }
      }
      // pop worst-first into the result from the back
      Movie[] result = new Movie[size];
      for (int k = size - 1; k >= 0; k--) {
        result[k] = movies[heap[0]];
        heap[0] = heap[--size];
        siftDown(heap, size, score);
      }
      return List.of(result);
    }

    /**
     * Ranking: more points first, then more ratings, then the shorter title, then the catalogue
     * order (movieId), as the stable sort this replaces did.
     */
    private boolean better(int a, int b, int[] score) {
      if (score[a] != score[b]) {
        return score[a] > score[b];
      }
      if (popularity[a] != popularity[b]) {
        return popularity[a] > popularity[b];
      }
      if (titleLength[a] != titleLength[b]) {
        return titleLength[a] < titleLength[b];
      }
      return a < b;
    }

    private void siftUp(int[] heap, int index, int[] score) {
      int item = heap[index];
      while (index > 0) {
        int parent = (index - 1) >>> 1;
        if (!better(heap[parent], item, score)) {
          break;
        }
        heap[index] = heap[parent];
        index = parent;
      }
      heap[index] = item;
    }

    private void siftDown(int[] heap, int size, int[] score) {
      if (size == 0) {
        return;
      }
      int item = heap[0];
      int index = 0;
      while (true) {
        int child = 2 * index + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && better(heap[child], heap[child + 1], score)) {
          child++;
        }
        if (!better(item, heap[child], score)) {
          break;
        }
        heap[index] = heap[child];
        index = child;
      }
      heap[index] = item;
    }

    /**
     * Credits word {@code w} (0-based) to a movie that matched every word before it, keeping the
     * best points the word earns in any of the movie's title words; true when the movie was first
     * credited for this word.
     */
    private static boolean credit(int movie, int points, int w, int[] score, int[] state) {
      int matched = state[movie] >>> 2;
      if (matched == w) {
        state[movie] = (w + 1) << 2 | points;
        score[movie] += points;
        return true;
      }
      int best = state[movie] & 3;
      if (matched == w + 1 && points > best) {
        state[movie] = (w + 1) << 2 | points;
        score[movie] += points - best;
      }
      return false;
    }

    private int lowerBound(String word) {
      int index = Arrays.binarySearch(tokens, word);
      return index >= 0 ? index : -index - 1;
    }
  }
}
