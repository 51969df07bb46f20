package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AlsConfigTest {

  @Test
  void binds_defaults_when_nothing_is_configured() {
    AlsConfig bound = bind(Map.of("movierec.other", "x"));

    assertThat(bound).isEqualTo(AlsConfig.defaults());
  }

  @Test
  void binds_values_from_properties() {
    AlsConfig bound =
        bind(
            Map.of(
                "movierec.als.factors",
                "32",
                "movierec.als.alpha",
                "2.5",
                "movierec.als.confidence",
                "log",
                "movierec.als.cg-steps",
                "0"));

    assertThat(bound.factors()).isEqualTo(32);
    assertThat(bound.alpha()).isEqualTo(2.5);
    assertThat(bound.confidence()).isEqualTo(AlsConfig.Confidence.LOG);
    assertThat(bound.cgSteps()).isZero();
    assertThat(bound.iterations()).isEqualTo(AlsConfig.DEFAULT_ITERATIONS);
  }

  @Test
  void rejects_out_of_range_values_with_the_property_name() {
    assertThatThrownBy(() -> AlsConfig.defaults().withFactors(0))
        .hasMessage("movierec.als.factors must be between 1 and 1024, got 0");
    assertThatThrownBy(() -> AlsConfig.defaults().withAlpha(Double.NaN))
        .hasMessageContaining("movierec.als.alpha must be a finite number > 0");
    assertThatThrownBy(() -> AlsConfig.defaults().withRegularization(-1))
        .hasMessageContaining("movierec.als.regularization");
    assertThatThrownBy(() -> AlsConfig.defaults().withIterations(0))
        .hasMessageContaining("movierec.als.iterations");
  }

  @Test
  void confidence_grows_with_the_rating() {
    AlsConfig linear =
        AlsConfig.defaults().withAlpha(2).withConfidence(AlsConfig.Confidence.LINEAR);
    AlsConfig log = linear.withConfidence(AlsConfig.Confidence.LOG);

    assertThat(linear.confidenceOf(4)).isEqualTo(9f);
    assertThat(log.confidenceOf(4)).isEqualTo((float) (1 + 2 * Math.log(5)));
  }

  private static AlsConfig bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("movierec.als", AlsConfig.class);
  }
}
