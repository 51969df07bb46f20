package app.movierec.ratings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A visitor's secret: 256 random bits from {@link SecureRandom}, written as 43 characters of
 * URL-safe Base64 (no padding), so it fits a cookie and an {@code Authorization: Bearer} header
 * unchanged. Only its SHA-256 is stored: the token has far too much entropy for a slow password
 * hash to add anything, and a fast hash lets every request look its owner up by an index.
 */
public final class VisitorToken {

  /** Characters of a token: 32 bytes in unpadded Base64. */
  public static final int LENGTH = 43;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private VisitorToken() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return BASE64.encodeToString(bytes);
  }

  /**
   * Whether {@code text} has a token's shape (checked before hashing, so a megabyte of junk in a
   * header costs nothing).
   */
  public static boolean wellFormed(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
          && c != '-'
          && c != '_') {
        return false;
      }
    }
    return true;
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
