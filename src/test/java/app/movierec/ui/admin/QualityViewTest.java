package app.movierec.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import app.movierec.common.ProgressTracker;
import app.movierec.recommend.HybridModel;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.hybrid.BlendSettings;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's quality page shows what the model's blend was chosen on, or why there is none. */
class QualityViewTest {

  private final ModelLifecycle models = mock(ModelLifecycle.class);

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  @Test
  void a_learned_blend_shows_the_weights_by_activity_and_each_models_validation_quality() {
    BlendSettings learned =
        new BlendSettings(
            0.9,
            List.of(
                new BlendSettings.ActivityWeight(
                    1, 5, 0.4, 30, List.of(new BlendSettings.CurvePoint(0.4, 0.2))),
                new BlendSettings.ActivityWeight(
                    6,
                    Integer.MAX_VALUE,
                    0.8,
                    70,
                    List.of(new BlendSettings.CurvePoint(0.8, 0.3)))),
            List.of(new BlendSettings.CurvePoint(0.9, 0.31)),
            100,
            List.of(
                new BlendSettings.ModelQuality("ALS", 0.3, 0.2, 0.1),
                new BlendSettings.ModelQuality("content", 0.05, 0.04, 0.02)));
    serving(learned);

    String summary = _get(Paragraph.class, spec -> spec.withId("quality-summary")).getText();
    assertThat(summary).contains("100 validation users", "0.90", "1-5 ratings 0.40", "0.80");
    @SuppressWarnings("unchecked")
    Grid<BlendSettings.ModelQuality> table = _get(Grid.class, spec -> spec.withId("quality-table"));
    assertThat(GridKt._size(table)).isEqualTo(2);
    assertThat(GridKt._getFormattedRow(table, 1))
        .containsExactly("content", "0.0500", "0.0400", "0.0200");
  }

  @Test
  void a_fixed_blend_says_it_was_not_learned_and_shows_no_table() {
    serving(BlendSettings.fixed(0.8));

    assertThat(_get(Paragraph.class, spec -> spec.withId("quality-summary")).getText())
        .contains("fixed ALS weight of 0.80", "not learned");
    assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("quality-table")))).isZero();
  }

  @Test
  void before_the_first_model_it_says_the_recommender_is_training() {
    doReturn(Optional.empty()).when(models).current();
    UI.getCurrent().add(new QualityView(models, new ProgressTracker()));

    assertThat(_get(Paragraph.class, spec -> spec.withId("quality-summary")).getText())
        .contains("still training");
  }

  private void serving(BlendSettings blend) {
    HybridModel model = mock(HybridModel.class);
    doReturn(blend).when(model).blend();
    doReturn(Optional.of(model)).when(models).current();
    UI.getCurrent().add(new QualityView(models, new ProgressTracker()));
  }
}
