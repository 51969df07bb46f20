package app.movierec.recommend;

import app.movierec.recommend.hybrid.BlendWeights;
import java.util.Locale;

/**
 * Which scorer ranks the movies: the blend of both, collaborative filtering only, or content only.
 * Written in lower case in URLs and the API ({@code mode=hybrid}).
 */
public enum Mode {
  HYBRID,
  ALS,
  CONTENT;

  /** The weights this mode implies; for {@link #HYBRID} the given ALS weight. */
  public BlendWeights weights(double alsWeight) {
    return switch (this) {
      case ALS -> BlendWeights.ALS_ONLY;
      case CONTENT -> BlendWeights.CONTENT_ONLY;
      case HYBRID -> BlendWeights.ofAlsWeight(alsWeight);
    };
  }

  /** The lower-case name used in URLs and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode named {@code text}, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Mode parse(String text) {
    String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (Mode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("mode must be hybrid, als or content, got '" + text + "'");
  }
}
