package app.movierec.ui.components;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Half stars by tapping twice, a like, the chosen rating spelled out, and undo. */
class StarRatingTest {

  private final List<Double> told = new ArrayList<>();
  private StarRating rating;

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
    rating = new StarRating("Toy Story", null, told::add);
    UI.getCurrent().add(rating);
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  private NativeButton star(int stars) {
    return _get(
        rating,
        NativeButton.class,
        spec -> spec.withAttribute("data-stars", String.valueOf((double) stars)));
  }

  private String chosen() {
    return _get(rating, Span.class, spec -> spec.withClasses("mr-rating__chosen")).getText();
  }

  @Test
  void a_star_gives_that_many_and_the_same_star_again_half_a_star_less() {
    assertThat(chosen()).isEqualTo("Not rated");

    _click(star(4));
    assertThat(rating.getValue()).isEqualTo(4.0);
    assertThat(chosen()).isEqualTo("You: 4 ★");
    assertThat(star(4).getClassNames()).contains("mr-star--full");

    _click(star(4));
    assertThat(rating.getValue()).isEqualTo(3.5);
    assertThat(chosen()).isEqualTo("You: 3½ ★");
    assertThat(star(3).getClassNames()).contains("mr-star--full");
    assertThat(star(4).getClassNames()).contains("mr-star--half").doesNotContain("mr-star--full");
    assertThat(star(5).getClassNames()).doesNotContain("mr-star--full", "mr-star--half");
    assertThat(rating.getElement().getAttribute("data-rated")).isEqualTo("3.5");
    assertThat(told).containsExactly(4.0, 3.5);
  }

  @Test
  void like_stands_for_four_and_a_half_stars() {
    _click(_get(rating, NativeButton.class, spec -> spec.withClasses("mr-rating__like")));

    assertThat(told).containsExactly(StarRating.LIKE);
    assertThat(star(4).getClassNames()).contains("mr-star--full");
    assertThat(star(5).getClassNames()).contains("mr-star--half");
  }

  @Test
  void undo_takes_the_last_change_back_to_no_rating_or_the_one_before() {
    assertThat(_find(rating, NativeButton.class, spec -> spec.withClasses("mr-rating__undo")))
        .as("nothing to undo yet")
        .isEmpty();

    _click(star(2));
    NativeButton undo =
        _get(rating, NativeButton.class, spec -> spec.withClasses("mr-rating__undo"));
    _click(undo);
    assertThat(rating.getValue()).isNull();
    assertThat(told).containsExactly(2.0, null);
    assertThat(_find(rating, NativeButton.class, spec -> spec.withClasses("mr-rating__undo")))
        .as("nothing left to undo")
        .isEmpty();

    rating.setValue(3.0);
    _click(star(5));
    _click(undo);
    assertThat(rating.getValue()).isEqualTo(3.0);
  }

  @Test
  void writes_half_stars_as_people_do() {
    assertThat(StarRating.format(0.5)).isEqualTo("½");
    assertThat(StarRating.format(4.0)).isEqualTo("4");
    assertThat(StarRating.format(4.5)).isEqualTo("4½");
  }
}
