package app.movierec.ui;

import app.movierec.recommend.Mode;
import app.movierec.recommend.hybrid.BlendWeights;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the main page shows, as it travels in its URL: {@code /?user=42&mode=hybrid&alsWeight=0.6}.
 * The page labels the ALS side of the slider α, but the URL says {@code alsWeight} as the code
 * does, so that {@code alpha} only ever means ALS's confidence scale; the old {@code alpha}
 * parameter is still read as an alias, so bookmarks keep working.
 *
 * @param userId the MovieLens user, or null when none is chosen yet
 * @param mode the tab
 * @param alsWeight the hybrid blend's ALS weight in [0, 1]; content gets {@code 1 - alsWeight}
 */
public record BrowseState(Integer userId, Mode mode, double alsWeight) {

  public static final String USER_PARAMETER = "user";
  public static final String MODE_PARAMETER = "mode";
  public static final String ALS_WEIGHT_PARAMETER = "alsWeight";

  /** What {@link #ALS_WEIGHT_PARAMETER} was called before; still read from old bookmarks. */
  static final String OLD_ALS_WEIGHT_PARAMETER = "alpha";

  /**
   * The blend the evaluation chose ({@link BlendWeights#DEFAULT_ALS_WEIGHT}), the page's starting
   * point.
   */
  public static final double DEFAULT_ALS_WEIGHT = BlendWeights.DEFAULT_ALS_WEIGHT;

  public static final BrowseState DEFAULT = new BrowseState(null, Mode.HYBRID, DEFAULT_ALS_WEIGHT);

  /** The slider moves in steps of 0.05; the URL and the blend use the same rounded value. */
  static final double ALS_WEIGHT_STEP = 0.05;

  public BrowseState {
    if (mode == null) {
      mode = Mode.HYBRID;
    }
    if (!(alsWeight >= 0 && alsWeight <= 1)) {
      throw new IllegalArgumentException("alsWeight must lie in [0, 1], got " + alsWeight);
    }
  }

  public BrowseState withUser(Integer userId) {
    return new BrowseState(userId, mode, alsWeight);
  }

  public BrowseState withMode(Mode mode) {
    return new BrowseState(userId, mode, alsWeight);
  }

  public BrowseState withAlsWeight(double alsWeight) {
    return new BrowseState(userId, mode, alsWeight);
  }

  public double contentWeight() {
    return 1 - alsWeight;
  }

  /** The URL's query parameters for this state; no user means no {@code user} parameter. */
  public QueryParameters toQueryParameters() {
    return QueryParameters.fromString(toQueryString());
  }

  /** The query string in a stable order: {@code user=42&mode=hybrid&alsWeight=0.6}. */
  public String toQueryString() {
    return (userId == null ? "" : USER_PARAMETER + "=" + userId + "&")
        + MODE_PARAMETER
        + "="
        + mode.id()
        + "&"
        + ALS_WEIGHT_PARAMETER
        + "="
        + formatWeight(alsWeight);
  }

  /** "0.6", "1", "0.35": the shortest form of a weight on the slider's grid. */
  static String formatWeight(double weight) {
    return BigDecimal.valueOf(snapToStep(weight)).stripTrailingZeros().toPlainString();
  }

  static double snapToStep(double weight) {
    double clamped = Math.max(0, Math.min(1, weight));
    return Math.round(clamped / ALS_WEIGHT_STEP) / (1 / ALS_WEIGHT_STEP);
  }

  /**
   * Reads a state from query parameters. Anything missing takes its default; anything malformed (a
   * user id that is not a positive number, an unknown mode, a weight that is not a number in [0,
   * 1]) takes its default too and adds a note for the page to show. Never throws.
   */
  public static Parsed fromQueryParameters(QueryParameters parameters) {
    List<String> notes = new ArrayList<>();
    Integer userId =
        first(parameters, USER_PARAMETER).flatMap(value -> parseUserId(value, notes)).orElse(null);
    Mode mode =
        first(parameters, MODE_PARAMETER)
            .flatMap(value -> parseMode(value, notes))
            .orElse(DEFAULT.mode());
    String weightParameter =
        first(parameters, ALS_WEIGHT_PARAMETER).isPresent()
            ? ALS_WEIGHT_PARAMETER
            : OLD_ALS_WEIGHT_PARAMETER;
    double alsWeight =
        first(parameters, weightParameter)
            .flatMap(value -> parseAlsWeight(weightParameter, value, notes))
            .orElse(DEFAULT_ALS_WEIGHT);
    return new Parsed(new BrowseState(userId, mode, alsWeight), List.copyOf(notes));
  }

  /** A state read from a URL and what had to be ignored in it (empty when the URL was fine). */
  public record Parsed(BrowseState state, List<String> notes) {}

  private static Optional<String> first(QueryParameters parameters, String name) {
    List<String> values = parameters.getParameters().getOrDefault(name, List.of());
    return values.stream()
        .filter(value -> value != null && !value.isBlank())
        .map(String::strip)
        .findFirst();
  }

  private static Optional<Integer> parseUserId(String value, List<String> notes) {
    Optional<Integer> userId = UserIds.parse(value);
    if (userId.isEmpty()) {
      notes.add("Ignored user=" + shorten(value) + ": a user id is a positive whole number.");
    }
    return userId;
  }

  private static Optional<Mode> parseMode(String value, List<String> notes) {
    for (Mode mode : Mode.values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return Optional.of(mode);
      }
    }
    notes.add("Ignored mode=" + shorten(value) + ": use hybrid, als or content.");
    return Optional.empty();
  }

  private static Optional<Double> parseAlsWeight(
      String parameter, String value, List<String> notes) {
    try {
      double weight = Double.parseDouble(value);
      if (weight >= 0 && weight <= 1) {
        return Optional.of(snapToStep(weight));
      }
    } catch (NumberFormatException e) {
      // falls through to the note
    }
    notes.add(
        "Ignored "
            + parameter
            + "="
            + shorten(value)
            + ": the ALS weight α is a number from 0 to 1.");
    return Optional.empty();
  }

  private static String shorten(String value) {
    return value.length() <= 20 ? value : value.substring(0, 20) + "…";
  }
}
