package app.movierec.ui;

import app.movierec.tmdb.TmdbAttribution;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * The page footer: the data status, admin and API links, TMDB's required attribution, and the
 * MovieLens credit and citation.
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
    status.addClassName("mr-footer__links");
    var statusLink = new RouterLink("Data and import status", StatusView.class);
    statusLink.setId("status-link");
    var admin = new Anchor("admin", "Admin (retrain)");
    var quality = new Anchor("admin/quality", "Model quality");
    var api = new Anchor("v3/api-docs", "JSON API (OpenAPI)");
    api.setRouterIgnore(true); // not a page of the app: the server answers it
    status.add(statusLink, admin, quality, api);

    add(status, tmdb, movieLens);
  }

  private static Anchor external(String text, String url) {
    var link = new Anchor(url, text);
    link.setTarget(AnchorTarget.BLANK);
    link.getElement().setAttribute("rel", "noopener noreferrer");
    return link;
  }
}
