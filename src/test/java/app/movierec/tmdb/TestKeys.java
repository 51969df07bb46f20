package app.movierec.tmdb;

/** Made-up credentials in the shapes TMDB issues; only ever sent to the local stub. */
final class TestKeys {

  static final String V3_API_KEY = "0123456789abcdef0123456789abcdef";

  static final String V4_TOKEN =
      "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIwMTIzNDU2Nzg5YWJjZGVmIiwic3ViIjoidGVzdCIsInNjb3BlcyI6WyJhcGlfcmVhZCJdfQ"
          + ".c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";

  private TestKeys() {}
}
