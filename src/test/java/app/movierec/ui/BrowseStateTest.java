package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.recommend.Mode;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;

class BrowseStateTest {

  private static BrowseState.Parsed parse(String query) {
    return BrowseState.fromQueryParameters(QueryParameters.fromString(query));
  }

  @Test
  void reads_user_mode_and_als_weight_from_the_url() {
    BrowseState.Parsed parsed = parse("user=42&mode=content&alsWeight=0.6");

    assertThat(parsed.state()).isEqualTo(new BrowseState(42, Mode.CONTENT, 0.6));
    assertThat(parsed.notes()).isEmpty();
  }

  @Test
  void missing_parameters_take_the_defaults_without_a_note() {
    assertThat(parse(""))
        .isEqualTo(new BrowseState.Parsed(BrowseState.DEFAULT, java.util.List.of()));
  }

  @Test
  void malformed_parameters_take_the_defaults_and_say_so() {
    BrowseState.Parsed parsed = parse("user=-3&mode=foo&alsWeight=abc");

    assertThat(parsed.state()).isEqualTo(BrowseState.DEFAULT);
    assertThat(parsed.notes()).hasSize(3);
    assertThat(parse("alsWeight=1.5").notes()).singleElement().asString().contains("from 0 to 1");
    assertThat(parse("alsWeight=NaN").state().alsWeight())
        .isEqualTo(BrowseState.DEFAULT_ALS_WEIGHT);
    assertThat(parse("user=12x").state().userId()).isNull();
    assertThat(parse("user=99999999999").state().userId()).isNull();
  }

  @Test
  void the_old_alpha_parameter_is_read_as_the_als_weight_and_als_weight_wins_over_it() {
    assertThat(parse("alpha=0.3").state().alsWeight()).isEqualTo(0.3);
    assertThat(parse("alpha=0.3&alsWeight=0.7").state().alsWeight()).isEqualTo(0.7);
    assertThat(parse("alpha=abc").notes()).singleElement().asString().contains("Ignored alpha=abc");
  }

  @Test
  void mode_names_are_case_insensitive_and_weights_snap_to_the_slider_step() {
    assertThat(parse("mode=ALS").state().mode()).isEqualTo(Mode.ALS);
    assertThat(parse("alsWeight=0.62").state().alsWeight()).isEqualTo(0.6);
    assertThat(parse("alsWeight=0.63").state().alsWeight()).isEqualTo(0.65);
  }

  @Test
  void writes_a_short_stable_url_that_reads_back_to_the_same_state() {
    var state = new BrowseState(7, Mode.HYBRID, 0.35);

    String query = state.toQueryString();

    assertThat(query).isEqualTo("user=7&mode=hybrid&alsWeight=0.35");
    assertThat(parse(query).state()).isEqualTo(state);
    assertThat(BrowseState.DEFAULT.withAlsWeight(1).toQueryString())
        .isEqualTo("mode=hybrid&alsWeight=1");
    assertThat(BrowseState.DEFAULT.withAlsWeight(0).toQueryString())
        .isEqualTo("mode=hybrid&alsWeight=0");
  }
}
