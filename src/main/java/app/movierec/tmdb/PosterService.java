package app.movierec.tmdb;

import app.movierec.tmdb.TmdbClient.PosterLookup;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Poster image URLs for movie cards, built for a grid that must render at once and improve later.
 *
 * <ul>
 *   <li>{@link #posterUrlNow(MovieRef)} never waits on the network: the cached TMDB image, else a
 *       generated poster.
 *   <li>{@link #posterUrl(MovieRef)} resolves the real poster in the background (at most {@code
 *       maxConcurrentRequests} lookups at once, one per movie however many cards ask) and completes
 *       with the TMDB image URL or, failing that, the generated poster. It never completes
 *       exceptionally.
 * </ul>
 *
 * <p>TMDB's final answers (a poster path, or none) are cached in memory and in the {@code
 * tmdb_poster} table, so a movie is asked for once across restarts. After a transient failure the
 * movie is asked again once {@code failureRetryDelay} has passed (or after a restart). Image URLs
 * never carry the API key.
 */
@Service
public class PosterService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PosterService.class);

  private final TmdbClient client;
  private final TmdbPosterRepository repository;
  private final TmdbProperties properties;
  private final Clock clock;
  private final ThreadPoolExecutor executor;

  /** tmdbId -> the poster path, or empty when TMDB has none; only final answers. */
  private final Map<Long, Optional<String>> known = new ConcurrentHashMap<>();

  private final Map<Long, CompletableFuture<Optional<String>>> inFlight = new ConcurrentHashMap<>();
  private final Map<Long, Instant> failedAt = new ConcurrentHashMap<>();
  private volatile boolean cacheWriteFailureLogged;

  @Autowired
  PosterService(TmdbClient client, TmdbPosterRepository repository, TmdbProperties properties) {
    this(client, repository, properties, Clock.systemUTC());
  }

  PosterService(
      TmdbClient client, TmdbPosterRepository repository, TmdbProperties properties, Clock clock) {
    this.client = client;
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
    int threads = properties.maxConcurrentRequests();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(2_000),
            daemonThreads());
    this.executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Whether real posters can be fetched at all (a key is configured and TMDB has not rejected it).
   */
  public boolean isTmdbEnabled() {
    return client.isEnabled();
  }

  /**
   * The best poster URL available without waiting on TMDB: the cached TMDB image, else the
   * generated poster (a {@code data:} URI). At most one primary-key lookup in H2 on a cold cache.
   */
  public String posterUrlNow(MovieRef movie) {
    return urlOf(movie, cachedPosterPath(movie.tmdbId()));
  }

  /**
   * {@link #posterUrlNow(MovieRef)} for a whole page of movies with one database query; keyed by
   * movieId.
   */
  public Map<Integer, String> posterUrlsNow(Collection<MovieRef> movies) {
    Set<Long> missing = new HashSet<>();
    for (MovieRef movie : movies) {
      if (movie.tmdbId() != null && !known.containsKey(movie.tmdbId())) {
        missing.add(movie.tmdbId());
      }
    }
    if (!missing.isEmpty()) {
      try {
        repository.findAllById(missing).forEach(this::remember);
      } catch (DataAccessException e) {
        log.debug("Could not read the poster cache", e);
      }
    }
    Map<Integer, String> urls = new LinkedHashMap<>();
    for (MovieRef movie : movies) {
      Optional<String> path =
          movie.tmdbId() == null
              ? Optional.empty()
              : known.getOrDefault(movie.tmdbId(), Optional.empty());
      urls.put(movie.movieId(), urlOf(movie, path));
    }
    return urls;
  }

  /**
   * The real poster, resolved in the background. Already complete when the answer is cached or
   * there is nothing to ask (no tmdbId, no key, key rejected, recent failure); otherwise completes
   * on a TMDB worker thread, so the UI must apply the result inside {@code UI.access(...)}.
   * Completes with the generated poster whenever TMDB has none or cannot be reached; never
   * exceptionally.
   */
  public CompletableFuture<String> posterUrl(MovieRef movie) {
    Long tmdbId = movie.tmdbId();
    if (tmdbId == null) {
      return CompletableFuture.completedFuture(GeneratedPoster.dataUri(movie));
    }
    Optional<String> cached = cachedPosterPath(tmdbId);
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(imageUrl(cached.get()));
    }
    // Read once more: a lookup may have finished since the cache was read, and its answer is final.
    Optional<String> answer = known.get(tmdbId);
    if (answer != null || !client.isEnabled() || failedRecently(tmdbId)) {
      return CompletableFuture.completedFuture(
          urlOf(movie, answer == null ? Optional.empty() : answer));
    }
    return lookUp(tmdbId).thenApply(path -> urlOf(movie, path));
  }

  private String urlOf(MovieRef movie, Optional<String> posterPath) {
    return posterPath.map(this::imageUrl).orElseGet(() -> GeneratedPoster.dataUri(movie));
  }

  /** The TMDB image URL for a poster path, at the configured size; contains no key. */
  String imageUrl(String posterPath) {
    return properties.imageBaseUrl() + properties.posterSize() + posterPath;
  }

  private Optional<String> cachedPosterPath(Long tmdbId) {
    if (tmdbId == null) {
      return Optional.empty();
    }
    Optional<String> inMemory = known.get(tmdbId);
    if (inMemory != null) {
      return inMemory;
    }
    try {
      return repository.findById(tmdbId).map(this::remember).orElse(Optional.empty());
    } catch (DataAccessException e) {
      log.debug("Could not read the poster cache", e);
      return Optional.empty();
    }
  }

  private Optional<String> remember(TmdbPoster poster) {
    Optional<String> path =
        poster.getStatus() == TmdbPoster.Status.FOUND
            ? Optional.ofNullable(poster.getPosterPath())
            : Optional.empty();
    known.put(poster.getTmdbId(), path);
    return path;
  }

  private boolean failedRecently(long tmdbId) {
    Instant failed = failedAt.get(tmdbId);
    if (failed == null) {
      return false;
    }
    if (clock.instant().isAfter(failed.plus(properties.failureRetryDelay()))) {
      failedAt.remove(tmdbId, failed);
      return false;
    }
    return true;
  }

  /** One lookup per tmdbId at a time, however many cards ask. */
  private CompletableFuture<Optional<String>> lookUp(long tmdbId) {
    var future = new CompletableFuture<Optional<String>>();
    CompletableFuture<Optional<String>> running = inFlight.putIfAbsent(tmdbId, future);
    if (running != null) {
      return running;
    }
    try {
      executor.execute(
          () -> {
            Optional<String> path = Optional.empty();
            try {
              path = fetchAndCache(tmdbId);
            } catch (RuntimeException e) {
              log.debug("Poster lookup of TMDB movie {} failed", tmdbId, e);
            } finally {
              // Leave the in-flight map before completing, so whoever sees the result can start a
              // fresh lookup.
              inFlight.remove(tmdbId, future);
              future.complete(path);
            }
          });
    } catch (RejectedExecutionException e) {
      // Queue full or shutting down: the card keeps its generated poster; a later page asks again.
      inFlight.remove(tmdbId, future);
      future.complete(Optional.empty());
    }
    return future;
  }

  private Optional<String> fetchAndCache(long tmdbId) {
    Optional<String> cached = known.get(tmdbId);
    if (cached != null) {
      return cached;
    }
    PosterLookup lookup = client.lookUpPoster(tmdbId);
    return switch (lookup) {
      case PosterLookup.Found found ->
          store(TmdbPoster.found(tmdbId, found.posterPath(), clock.instant()));
      case PosterLookup.NoPoster none -> store(TmdbPoster.none(tmdbId, clock.instant()));
      case PosterLookup.Unavailable unavailable -> {
        failedAt.put(tmdbId, clock.instant());
        yield Optional.empty();
      }
    };
  }

  private Optional<String> store(TmdbPoster poster) {
    Optional<String> path = remember(poster);
    try {
      repository.save(poster);
    } catch (DataAccessException e) {
      // Two instances racing on one row, or the table missing: the in-memory answer still serves
      // this run.
      if (!cacheWriteFailureLogged) {
        cacheWriteFailureLogged = true;
        log.warn("Could not store a TMDB poster in the tmdb_poster cache: {}", e.getMessage());
      }
    }
    return path;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    var count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "tmdb-poster-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
