package app.movierec.ui.components;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Half-star rating as on MovieLens, made for fingers: five 44 px stars (tap a star for that many,
 * tap the same star again for half a star less), a "Like" that stands for {@link #LIKE} stars, the
 * chosen rating spelled out beside them, and "Undo", which takes the last change back (to the
 * earlier rating, or to none). The page decides what a rating does through {@link Listener}.
 */
public class StarRating extends Composite<Div> {

  /** What a "Like" is worth on MovieLens' scale: clearly positive, short of a perfect 5. */
  public static final double LIKE = 4.5;

  /** Told the new rating, or null when it was taken back. */
  @FunctionalInterface
  public interface Listener {
    void rated(Double stars);
  }

  private final List<NativeButton> stars = new ArrayList<>();
  private final NativeButton like = new NativeButton("♥ Like");
  private final NativeButton undo = new NativeButton("Undo");
  private final Span chosen = new Span();
  private final Listener listener;
  private Double value;
  private Double beforeLastChange;

  public StarRating(String movieLabel, Double current, Listener listener) {
    this.listener = listener;
    Div root = getContent();
    root.addClassName("mr-rating");
    var row = new Div();
    row.addClassName("mr-rating__stars");
    row.getElement().setAttribute("role", "group");
    row.getElement().setAttribute("aria-label", "Rate " + movieLabel);
    for (int count = 1; count <= 5; count++) {
      int star = count;
      var button = new NativeButton("★", click -> onStar(star));
      button.addClassName("mr-star");
      button.getElement().setAttribute("data-stars", String.valueOf((double) star));
      button
          .getElement()
          .setAttribute(
              "aria-label",
              star
                  + (star == 1 ? " star" : " stars")
                  + " (press again for "
                  + format(star - 0.5)
                  + ")");
      stars.add(button);
      row.add(button);
    }
    like.addClassName("mr-rating__like");
    like.getElement().setAttribute("data-stars", String.valueOf(LIKE));
    like.getElement().setAttribute("aria-label", "Like (" + format(LIKE) + " stars)");
    like.addClickListener(click -> change(LIKE));
    undo.addClassName("mr-rating__undo");
    undo.addClickListener(click -> onUndo());
    chosen.addClassName("mr-rating__chosen");
    chosen.getElement().setAttribute("aria-live", "polite");
    var actions = new Div(like, undo, chosen);
    actions.addClassName("mr-rating__actions");
    root.add(row, actions);
    show(current);
    undo.setVisible(false);
  }

  /** The rating shown; null when not rated. */
  public Double getValue() {
    return value;
  }

  /** Shows a rating given elsewhere, without telling the listener and without an undo step. */
  public void setValue(Double stars) {
    show(stars);
    undo.setVisible(false);
  }

  private void onStar(int star) {
    change(value != null && value == star ? star - 0.5 : star);
  }

  private void change(double stars) {
    if (Objects.equals(value, stars)) {
      return;
    }
    beforeLastChange = value;
    show(stars);
    undo.setVisible(true);
    listener.rated(stars);
  }

  private void onUndo() {
    Double restored = beforeLastChange;
    show(restored);
    undo.setVisible(false);
    listener.rated(restored);
  }

  private void show(Double stars) {
    value = stars;
    for (int i = 0; i < this.stars.size(); i++) {
      NativeButton button = this.stars.get(i);
      int star = i + 1;
      boolean full = stars != null && stars >= star;
      boolean half = stars != null && !full && stars >= star - 0.5;
      button.setClassName("mr-star--full", full);
      button.setClassName("mr-star--half", half);
      button.getElement().setAttribute("aria-pressed", String.valueOf(full || half));
    }
    like.setClassName("mr-rating__like--on", stars != null && stars == LIKE);
    getContent().setClassName("mr-rating--rated", stars != null);
    if (stars == null) {
      getContent().getElement().removeAttribute("data-rated");
      chosen.setText("Not rated");
    } else {
      getContent()
          .getElement()
          .setAttribute("data-rated", String.format(Locale.ROOT, "%.1f", stars));
      chosen.setText("You: " + format(stars) + " ★");
    }
  }

  /** "4", "4½", "½". */
  static String format(double stars) {
    long whole = (long) Math.floor(stars);
    boolean half = stars - whole >= 0.5;
    return (whole == 0 && half ? "" : String.valueOf(whole)) + (half ? "½" : "");
  }
}
