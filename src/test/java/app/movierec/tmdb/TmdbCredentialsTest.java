package app.movierec.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import app.movierec.tmdb.TmdbCredentials.Kind;
import org.junit.jupiter.api.Test;

class TmdbCredentialsTest {

  @Test
  void treats_a_32_character_hex_key_as_a_v3_api_key() {
    assertThat(TmdbCredentials.of(TestKeys.V3_API_KEY).kind()).isEqualTo(Kind.V3_API_KEY);
  }

  @Test
  void treats_a_jwt_shaped_token_as_a_v4_read_access_token() {
    assertThat(TmdbCredentials.of(TestKeys.V4_TOKEN).kind()).isEqualTo(Kind.V4_READ_ACCESS_TOKEN);
  }

  @Test
  void accepts_a_token_pasted_with_its_bearer_prefix_and_surrounding_spaces() {
    var credentials = TmdbCredentials.of("  Bearer " + TestKeys.V4_TOKEN + "\n");

    assertThat(credentials.kind()).isEqualTo(Kind.V4_READ_ACCESS_TOKEN);
    assertThat(credentials.redact("x" + TestKeys.V4_TOKEN)).isEqualTo("x<redacted>");
  }

  @Test
  void treats_null_and_blank_as_no_key() {
    assertThat(TmdbCredentials.of(null).isPresent()).isFalse();
    assertThat(TmdbCredentials.of("   ").isPresent()).isFalse();
  }

  @Test
  void refuses_a_key_with_inner_whitespace_without_echoing_it() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TmdbCredentials.of("abc def-secret"))
        .withMessageNotContaining("secret");
  }

  @Test
  void never_shows_the_key_in_to_string() {
    assertThat(TmdbCredentials.of(TestKeys.V3_API_KEY).toString())
        .doesNotContain(TestKeys.V3_API_KEY);
    assertThat(TmdbCredentials.of(TestKeys.V4_TOKEN).toString()).doesNotContain(TestKeys.V4_TOKEN);
    assertThat(TmdbProperties.withApiKey(TestKeys.V3_API_KEY).toString())
        .doesNotContain(TestKeys.V3_API_KEY);
  }
}
