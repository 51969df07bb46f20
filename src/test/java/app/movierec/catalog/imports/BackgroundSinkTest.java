package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.catalog.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The import's hand-over of rows to the database writer's thread. */
class BackgroundSinkTest {

  @Test
  void every_row_arrives_in_the_order_it_was_given_across_batches_and_kinds() {
    RecordingSink target = new RecordingSink();
    List<String> order = new ArrayList<>();
    DatasetSink tracking =
        DatasetSink.both(
            target,
            new DatasetSink() {
              @Override
              public void movies(List<app.movierec.catalog.Movie> movies) {}

              @Override
              public void rating(int userId, int movieId, float rating, long timestamp) {
                order.add("r" + userId);
              }

              @Override
              public void link(Link link) {
                order.add("l" + link.getMovieId());
              }
            });
    List<String> expected = new ArrayList<>();
    try (BackgroundSink sink = new BackgroundSink(tracking, "test-writer")) {
      for (int user = 1; user <= 10_000; user++) { // more than two batches of ratings
        sink.rating(user, 1, 4.0f, user);
        expected.add("r" + user);
        if (user % 3_000 == 0) { // a link between batches flushes the ratings before it
          sink.link(new Link(user, 1, null));
          expected.add("l" + user);
        }
      }
      assertThat(sink.rows()).isEqualTo(10_003);
      sink.finish();
    }

    assertThat(order).isEqualTo(expected);
    assertThat(target.ratings).hasSize(10_000);
    assertThat(target.ratings.getLast())
        .isEqualTo(new RecordingSink.RatingRow(10_000, 1, 4.0f, 10_000));
  }

  @Test
  void a_failed_write_reaches_the_reader_and_nothing_after_it_is_written() {
    AtomicInteger written = new AtomicInteger();
    ImportException broken = new ImportException("Writing table rating failed: disk full", null);
    DatasetSink failing =
        ratingsOnly(
            userId -> {
              if (userId == 5_000) {
                throw broken;
              }
              written.incrementAndGet();
            });

    try (BackgroundSink sink = new BackgroundSink(failing, "test-writer")) {
      assertThatThrownBy(
              () -> {
                for (int user = 1; user <= 1_000_000; user++) {
                  sink.rating(user, 1, 4.0f, 0);
                }
                sink.finish();
              })
          .isSameAs(broken);
    }
    assertThat(written.get()).isLessThan(5_000);
  }

  @Test
  void closing_after_the_reader_failed_drops_the_queued_rows_and_ends_the_writer()
      throws InterruptedException {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger written = new AtomicInteger();
    DatasetSink slow =
        ratingsOnly(
            userId -> {
              writing.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              written.incrementAndGet();
            });
    BackgroundSink sink = new BackgroundSink(slow, "test-writer");
    for (int user = 1; user <= 4096 * 5; user++) { // the first batch is being written, 4 queued
      sink.rating(user, 1, 4.0f, 0);
    }
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
    Thread closing = Thread.ofPlatform().start(sink::close);
    while (closing.getState() != Thread.State.WAITING) { // in join(): the queue is cleared
      Thread.onSpinWait();
    }
    release.countDown();
    closing.join(10_000);

    assertThat(closing.isAlive()).isFalse();
    assertThat(written.get()).as("only the batch being written").isEqualTo(4096);
  }

  /** A sink that only looks at the users of the ratings it gets. */
  private static DatasetSink ratingsOnly(IntConsumer userOfEachRating) {
    return new DatasetSink() {
      @Override
      public void movies(List<app.movierec.catalog.Movie> movies) {}

      @Override
      public void rating(int userId, int movieId, float rating, long timestamp) {
        userOfEachRating.accept(userId);
      }
    };
  }
}
