package app.movierec.tmdb;

/** The notice TMDB's terms ask every app that uses its API to show, for the page footer. */
public final class TmdbAttribution {

  /** The sentence TMDB requires, verbatim. */
  public static final String TEXT =
      "This product uses the TMDB API but is not endorsed or certified by TMDB.";

  /** Where the attribution (or TMDB's logo) should link to. */
  public static final String TMDB_HOME_URL = "https://www.themoviedb.org/";

  private TmdbAttribution() {}
}
