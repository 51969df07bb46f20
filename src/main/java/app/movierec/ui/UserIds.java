package app.movierec.ui;

import java.util.Optional;

/** Reading a user id (MovieLens or visitor) typed by a person or found in a URL. */
final class UserIds {

  private UserIds() {}

  /**
   * The id in {@code text} ("42", " 42 "), or empty for anything but a positive whole number that
   * fits an int.
   */
  static Optional<Integer> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String digits = text.strip();
    if (digits.isEmpty()
        || digits.length() > 10
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long userId = Long.parseLong(digits);
    return userId > 0 && userId <= Integer.MAX_VALUE ? Optional.of((int) userId) : Optional.empty();
  }
}
