package app.movierec.tmdb;

import app.movierec.tmdb.TmdbClient.PosterLookup;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *   <li>{@link #posterUrl(MovieRef)} resolves the real poster in the background (one lookup per
 *       movie however many cards ask; {@link TmdbClient} keeps at most {@code
 *       maxConcurrentRequests} of them talking to TMDB at once) and completes with the TMDB image
 *       URL or, failing that, the generated poster. It never completes exceptionally.
 * </ul>
 *
 * <p>TMDB's final answers (a poster path, or none) are kept in a bounded Caffeine cache ({@code
 * cacheSize} movies) and in the {@code tmdb_poster} table, so a movie is asked for once across
 * restarts; what the cache evicts is read back from the table. After a transient failure the movie
 * is asked again once {@code failureRetryDelay} has passed (or after a restart). Image URLs never
 * carry the API key.
 */
@Service
public class PosterService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PosterService.class);

  private final TmdbClient client;
  private final TmdbPosterRepository repository;
  private final TmdbProperties properties;
  private final Clock clock;

  /**
   * One virtual thread per lookup: a lookup mostly waits, for a slot under the client's concurrency
   * limit and then for TMDB. At most one lookup per movie is queued (the cache holds the running
   * one), so the queue is bounded by the movies the pages asked for.
   */
  private final ExecutorService lookups;

  /**
   * tmdbId -> TMDB's answer, as a future so that concurrent askers share one lookup. Final answers
   * stay until the size bound evicts them; a transient failure ({@link PosterLookup.Unavailable})
   * expires after {@code failureRetryDelay}, so the movie is left alone until then.
   */
  private final AsyncCache<Long, PosterLookup> answers;

  private final AtomicBoolean cacheWriteFailureLogged = new AtomicBoolean();

  @Autowired
  PosterService(TmdbClient client, TmdbPosterRepository repository, TmdbProperties properties) {
    this(client, repository, properties, Clock.systemUTC(), Ticker.systemTicker());
  }

  PosterService(
      TmdbClient client,
      TmdbPosterRepository repository,
      TmdbProperties properties,
      Clock clock,
      Ticker ticker) {
    this.client = client;
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
    this.lookups =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tmdb-poster-", 1).factory());
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(properties.cacheSize())
            .expireAfter(new AnswerExpiry(properties.failureRetryDelay()))
            .ticker(ticker)
            // Housekeeping on the calling thread: cheap at this size, and the bound holds as soon
            // as a write returns.
            .executor(Runnable::run)
            .buildAsync();
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
    return urlOf(movie, knownAnswer(movie.tmdbId()).orElse(null));
  }

  /**
   * {@link #posterUrlNow(MovieRef)} for a whole page of movies with one database query; keyed by
   * movieId.
   */
  public Map<Integer, String> posterUrlsNow(Collection<MovieRef> movies) {
    Map<Long, PosterLookup> known = new HashMap<>();
    Set<Long> missing = new HashSet<>();
    for (MovieRef movie : movies) {
      Long tmdbId = movie.tmdbId();
      if (tmdbId != null) {
        CompletableFuture<PosterLookup> cached = answers.getIfPresent(tmdbId);
        if (cached == null) {
          missing.add(tmdbId);
        } else {
          completed(cached).ifPresent(answer -> known.put(tmdbId, answer));
        }
      }
    }
    if (!missing.isEmpty()) {
      try {
        repository.findAllById(missing).forEach(row -> known.put(row.getTmdbId(), remember(row)));
      } catch (DataAccessException e) {
        log.debug("Could not read the poster cache", e);
      }
    }
    Map<Integer, String> urls = new LinkedHashMap<>();
    for (MovieRef movie : movies) {
      urls.put(
          movie.movieId(), urlOf(movie, movie.tmdbId() == null ? null : known.get(movie.tmdbId())));
    }
    return urls;
  }

  /**
   * The real poster, resolved in the background. Already complete when the answer is cached or
   * there is nothing to ask (no tmdbId, no key, key rejected, recent failure); otherwise completes
   * on a TMDB lookup thread, so the UI must apply the result inside {@code UI.access(...)}.
   * Completes with the generated poster whenever TMDB has none or cannot be reached; never
   * exceptionally.
   */
  public CompletableFuture<String> posterUrl(MovieRef movie) {
    Long tmdbId = movie.tmdbId();
    if (tmdbId == null) {
      return CompletableFuture.completedFuture(GeneratedPoster.dataUri(movie));
    }
    Optional<PosterLookup> known = knownAnswer(tmdbId);
    if (known.isPresent() || !client.isEnabled()) {
      return CompletableFuture.completedFuture(urlOf(movie, known.orElse(null)));
    }
    try {
      // Starts a lookup unless one is running, or has finished since knownAnswer looked.
      return answers
          .get(tmdbId, (id, ignored) -> CompletableFuture.supplyAsync(() -> lookUp(id), lookups))
          .thenApply(answer -> urlOf(movie, answer));
    } catch (RejectedExecutionException e) {
      // Shutting down: the card keeps its generated poster.
      return CompletableFuture.completedFuture(GeneratedPoster.dataUri(movie));
    }
  }

  private String urlOf(MovieRef movie, PosterLookup answer) {
    return answer instanceof PosterLookup.Found found
        ? imageUrl(found.posterPath())
        : GeneratedPoster.dataUri(movie);
  }

  /** The TMDB image URL for a poster path, at the configured size; contains no key. */
  private String imageUrl(String posterPath) {
    return properties.imageBaseUrl() + properties.posterSize() + posterPath;
  }

  /**
   * TMDB's answer as far as it is known without asking: from memory, else from the table (and then
   * remembered). Empty when nothing is known or a lookup is still running.
   */
  private Optional<PosterLookup> knownAnswer(Long tmdbId) {
    if (tmdbId == null) {
      return Optional.empty();
    }
    CompletableFuture<PosterLookup> cached = answers.getIfPresent(tmdbId);
    if (cached != null) {
      return completed(cached);
    }
    try {
      return repository.findById(tmdbId).map(this::remember);
    } catch (DataAccessException e) {
      log.debug("Could not read the poster cache", e);
      return Optional.empty();
    }
  }

  private static Optional<PosterLookup> completed(CompletableFuture<PosterLookup> answer) {
    return answer.isDone() && !answer.isCompletedExceptionally()
        ? Optional.ofNullable(answer.getNow(null))
        : Optional.empty();
  }

  private PosterLookup remember(TmdbPoster row) {
    PosterLookup answer =
        row.getStatus() == TmdbPoster.Status.FOUND && row.getPosterPath() != null
            ? new PosterLookup.Found(row.getPosterPath())
            : new PosterLookup.NoPoster();
    answers.put(row.getTmdbId(), CompletableFuture.completedFuture(answer));
    return answer;
  }

  /** Asks TMDB and stores a final answer in the table; never throws. */
  private PosterLookup lookUp(long tmdbId) {
    PosterLookup answer;
    try {
      answer = client.lookUpPoster(tmdbId);
    } catch (RuntimeException e) {
      log.debug("Poster lookup of TMDB movie {} failed: {}", tmdbId, e.getClass().getName());
      answer = new PosterLookup.Unavailable("lookup failed");
    }
    switch (answer) {
      case PosterLookup.Found found ->
          store(TmdbPoster.found(tmdbId, found.posterPath(), clock.instant()));
      case PosterLookup.NoPoster none -> store(TmdbPoster.none(tmdbId, clock.instant()));
      case PosterLookup.Unavailable unavailable -> {
        // Not stored: the cache keeps it for failureRetryDelay, a restart asks again.
      }
    }
    // Into the cache now, before the askers' futures complete: the cache would otherwise note the
    // answer (and start a failure's retry delay) only in its own completion callback, which runs
    // after the askers' callbacks, so an asker could see the entry before its expiry was set.
    answers.put(tmdbId, CompletableFuture.completedFuture(answer));
    return answer;
  }

  private void store(TmdbPoster poster) {
    try {
      repository.save(poster);
    } catch (DataAccessException e) {
      // Two instances racing on one row, or the table missing: the in-memory answer still serves
      // this run.
      if (cacheWriteFailureLogged.compareAndSet(false, true)) {
        log.warn("Could not store a TMDB poster in the tmdb_poster cache: {}", e.getMessage());
      }
    }
  }

  @Override
  public void destroy() {
    lookups.shutdownNow();
  }

  /**
   * Final answers never expire (only the size bound evicts them; the table keeps them); a transient
   * failure does after {@code failureRetryDelay}.
   */
  private record AnswerExpiry(Duration failureRetryDelay) implements Expiry<Long, PosterLookup> {

    @Override
    public long expireAfterCreate(Long tmdbId, PosterLookup answer, long currentTime) {
      return answer instanceof PosterLookup.Unavailable
          ? failureRetryDelay.toNanos()
          : Long.MAX_VALUE;
    }

    @Override
    public long expireAfterUpdate(
        Long tmdbId, PosterLookup answer, long currentTime, long currentDuration) {
      return expireAfterCreate(tmdbId, answer, currentTime);
    }

    @Override
    public long expireAfterRead(
        Long tmdbId, PosterLookup answer, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
