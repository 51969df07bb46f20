package app.movierec.tmdb;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the application (the tmdb package down to DEBUG, everything else at
 * its configured level), including exception messages and their causes.
 */
final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger logger = (Logger) LoggerFactory.getLogger("app.movierec.tmdb");
  private final Level previousLevel = logger.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    root.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  /** Each event as text: formatted message, then every exception message in the cause chain. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      var line =
          new StringBuilder(
              event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Warnings and errors logged by the tmdb package. */
  List<String> warnings() {
    return lines().stream()
        .filter(
            l -> l.startsWith("WARN app.movierec.tmdb") || l.startsWith("ERROR app.movierec.tmdb"))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    logger.setLevel(previousLevel);
  }
}
