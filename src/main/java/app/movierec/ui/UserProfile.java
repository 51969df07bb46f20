package app.movierec.ui;

import app.movierec.ratings.Rating;
import app.movierec.ui.components.MovieCard;
import app.movierec.ui.components.TasteChart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chosen user at a glance: how many ratings, their average, their favourite movies as small
 * posters, and their taste as a chart ({@link TasteProfile}, drawn by {@link TasteChart}).
 */
public class UserProfile extends Div {

  static final int FAVOURITES = 12;

  private final H2 name = new H2();
  private final Span summary = new Span();
  private final Div favourites = new Div();
  private final TasteChart taste = new TasteChart();

  public UserProfile() {
    addClassName("mr-profile");
    setId("user-profile");
    name.addClassName("mr-section__title");
    summary.addClassName("mr-profile__summary");
    summary.setId("user-summary");
    favourites.addClassName("mr-strip");
    favourites.setId("favourites");
    favourites.getElement().setAttribute("aria-label", "Favourite movies");
    var heading = new Div(name, summary);
    heading.addClassName("mr-profile__heading");
    taste.setId("taste-chart");
    var favouritesColumn = new Div(favourites);
    favouritesColumn.addClassName("mr-profile__favourites");
    var columns = new Div(favouritesColumn, taste);
    columns.addClassName("mr-profile__columns");
    add(heading, columns);
    setVisible(false);
  }

  /**
   * Shows a user; {@code ratings} best first, {@code favouriteCards} their top movies in that
   * order.
   */
  public void show(
      long userId,
      List<Rating> ratings,
      List<MovieCard> favouriteCards,
      Optional<TasteProfile> profile) {
    name.setText("User " + userId);
    double mean = ratings.stream().mapToDouble(Rating::getRating).average().orElse(Double.NaN);
    summary.setText(
        ratings.size()
            + (ratings.size() == 1 ? " rating" : " ratings")
            + (Double.isNaN(mean) ? "" : String.format(Locale.ROOT, " · average %.1f★", mean))
            + (favouriteCards.isEmpty() ? "" : " · their favourites:"));
    favourites.removeAll();
    favouriteCards.forEach(favourites::add);
    taste.setVisible(profile.isPresent());
    profile.ifPresent(p -> taste.show(p.heading(), p.explanation(), p.labels(), p.counts(), ""));
    setVisible(true);
  }

  public void clear() {
    favourites.removeAll();
    setVisible(false);
  }

  /** The number of favourite posters shown. */
  int favouriteCount() {
    return (int) favourites.getChildren().count();
  }
}
