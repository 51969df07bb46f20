package app.movierec.ui;

import app.movierec.tmdb.GeneratedPoster;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Generated posters (without the title, which the card prints below) as cacheable images ({@code
 * /posters/generated/1.svg}), so the grid refers to them by a short URL instead of sending each one
 * inline as a {@code data:} URI with every card (a few KiB per card and round trip).
 */
@RestController
class GeneratedPosterController {

  static final String PATH = "posters/generated/";
  private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

  private final MovieCardService cards;

  GeneratedPosterController(MovieCardService cards) {
    this.cards = cards;
  }

  /** The generated poster of a catalogue movie; 404 for an unknown one. */
  @GetMapping("/" + PATH + "{movieId:\\d{1,10}}.svg")
  ResponseEntity<String> poster(@PathVariable int movieId) {
    return cards
        .movie(movieId)
        .map(
            movie ->
                ResponseEntity.ok()
                    .contentType(SVG)
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                    .body(GeneratedPoster.svgWithoutTitle(movie)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /**
   * The page-relative URL of a movie's generated poster (relative to the app's root, which the
   * page's base is).
   */
  static String urlOf(int movieId) {
    return PATH + movieId + ".svg";
  }
}
