package app.movierec.common;

/**
 * Told how far a long piece of work got (a download, an import, training): the phase in words and
 * the fraction of it done, 0..1, or -1 while its size is unknown. The one listener type of the app:
 * {@link ProgressTracker} turns it into what the page and the log show.
 */
@FunctionalInterface
public interface ProgressListener {

  void progress(String phase, double fraction);

  ProgressListener NONE = (phase, fraction) -> {};
}
