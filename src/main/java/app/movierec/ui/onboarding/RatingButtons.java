package app.movierec.ui.onboarding;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * One star button per whole star (1-5) and a "Like" button that stands for {@link #LIKE} stars; the
 * current rating is highlighted. Clicking calls back with the stars.
 */
class RatingButtons extends Composite<HorizontalLayout> {

  /** What a "Like" is worth on MovieLens' scale: clearly positive, short of a perfect 5. */
  static final double LIKE = 4.5;

  private final List<Button> buttons = new ArrayList<>();

  RatingButtons(int movieId, Double current, DoubleConsumer onRate) {
    HorizontalLayout layout = getContent();
    layout.setSpacing(false);
    layout.addClassName("mr-rate");
    layout.getElement().setAttribute("aria-label", "Rate movie " + movieId);
    for (int stars = 1; stars <= 5; stars++) {
      double value = stars;
      Button button = new Button(stars + "★", click -> onRate.accept(value));
      button.getElement().setAttribute("aria-label", stars + (stars == 1 ? " star" : " stars"));
      button.getElement().setAttribute("data-stars", String.valueOf(value));
      button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
      buttons.add(button);
      layout.add(button);
    }
    Button like = new Button("♥ Like", click -> onRate.accept(LIKE));
    like.getElement().setAttribute("data-stars", String.valueOf(LIKE));
    like.addThemeVariants(ButtonVariant.LUMO_SMALL);
    buttons.add(like);
    layout.add(like);
    if (current != null) {
      highlight(current);
    }
  }

  private void highlight(double stars) {
    String value = String.valueOf(stars);
    for (Button button : buttons) {
      if (button.getElement().getAttribute("data-stars").equals(value)) {
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      }
    }
    getContent().getElement().setAttribute("data-rated", String.format(Locale.ROOT, "%.1f", stars));
  }
}
