package app.movierec.ui;

import app.movierec.tmdb.TmdbAttribution;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * The page footer: TMDB's required attribution, the MovieLens credit and citation, and the data
 * status page.
 */
public class AppFooter extends Footer {

  public AppFooter() {
    addClassName("mr-footer");

    var tmdb = new Paragraph();
    tmdb.addClassName("mr-attribution");
    tmdb.add(
        new Span(TmdbAttribution.TEXT + " Posters and movie pages: "),
        external("The Movie Database (TMDB)", TmdbAttribution.TMDB_HOME_URL),
        new Span("."));

    var movieLens = new Paragraph();
    movieLens.add(
        new Span("Ratings, tags and tag genome: "),
        external("MovieLens", "https://grouplens.org/datasets/movielens/"),
        new Span(
            " by GroupLens Research, University of Minnesota. F. Maxwell Harper and Joseph A. Konstan, "
                + "The MovieLens Datasets: History and Context, ACM TiiS 5(4), 2015; Jesse Vig, Shilad Sen and John "
                + "Riedl, The Tag Genome, ACM TiiS 2(3), 2012."));

    var status = new Paragraph();
    var statusLink = new RouterLink("Data and import status", StatusView.class);
    statusLink.setId("status-link");
    status.add(statusLink);

    add(tmdb, movieLens, status);
  }

  private static Anchor external(String text, String url) {
    var link = new Anchor(url, text);
    link.setTarget(AnchorTarget.BLANK);
    link.getElement().setAttribute("rel", "noopener noreferrer");
    return link;
  }
}
