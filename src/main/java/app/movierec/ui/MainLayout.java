package app.movierec.ui;

import app.movierec.catalog.Movie;
import app.movierec.catalog.MovieSearch;
import app.movierec.catalog.MovieTitle;
import app.movierec.ui.components.MovieCard;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The frame of every page: a header with the app's name (home), a title search with suggestions
 * (choosing one opens the movie's page), the link to rate movies, and the session's user ({@link
 * CurrentUser}); then the page; then the footer with the attributions.
 */
public class MainLayout extends Div implements RouterLayout {

  static final int SUGGESTIONS = 10;

  private final Main content = new Main();
  private final Anchor user = new Anchor();
  private Registration userChanges;

  public MainLayout(MovieSearch search) {
    addClassName("mr-app");

    var brand = new RouterLink();
    brand.setRoute(RecommendationsView.class);
    brand.addClassName("mr-brand");
    brand.getElement().setAttribute("aria-label", "movierec: home");
    var accent = new Span("rec");
    accent.addClassName("mr-brand__accent");
    brand.add(new Span("movie"), accent);

    ComboBox<Movie> titles = new ComboBox<>();
    titles.setId("title-search");
    titles.addClassName("mr-appbar__search");
    titles.setPlaceholder("Search a movie");
    titles.setPrefixComponent(VaadinIcon.SEARCH.create());
    titles.setAriaLabel("Search a movie by title");
    titles.setItems(
        query -> {
          String filter = query.getFilter().orElse("");
          int offset = query.getOffset();
          int end = Math.min(offset + query.getLimit(), SUGGESTIONS);
          return filter.isBlank() || offset >= end
              ? Stream.empty()
              : search.search(filter, end).stream().skip(offset);
        });
    titles.setItemLabelGenerator(
        movie -> MovieTitle.of(movie.getTitle()).withYear(movie.getYear()));
    titles.setRenderer(
        LitRenderer.<Movie>of(
                "<div class='mr-suggestion'><span class='mr-suggestion__title'>${item.title}</span>"
                    + "<span class='mr-suggestion__meta'>${item.meta}</span></div>")
            .withProperty("title", movie -> MovieTitle.of(movie.getTitle()).title())
            .withProperty(
                "meta",
                movie ->
                    Stream.of(
                            movie.getYear() == null ? null : String.valueOf(movie.getYear()),
                            MovieTitle.of(movie.getTitle()).subtitle(),
                            String.join(", ", movie.genreList()))
                        .filter(Objects::nonNull)
                        .filter(text -> !text.isBlank())
                        .reduce((a, b) -> a + " · " + b)
                        .orElse("")));
    titles.addValueChangeListener(
        change -> {
          if (change.getValue() != null && change.isFromClient()) {
            int movieId = change.getValue().getMovieId();
            titles.clear();
            getUI().ifPresent(ui -> ui.navigate(MovieCard.pageUrl(movieId)));
          }
        });

    var rate = new Anchor("start", "Rate movies");
    rate.setId("start-link");
    rate.addClassName("mr-appbar__link");
    user.setId("current-user");
    user.addClassNames("mr-appbar__link", "mr-appbar__user");
    var nav = new Nav(rate, user);
    nav.addClassName("mr-appbar__nav");

    var bar = new Div(brand, titles, nav);
    bar.addClassName("mr-appbar__inner");
    var header = new Header(bar);
    header.addClassName("mr-appbar");

    content.addClassName("mr-page");
    add(header, content, new AppFooter());
    showUser();
  }

  @Override
  public void showRouterLayoutContent(HasElement page) {
    content.getElement().removeAllChildren();
    if (page != null) {
      content.getElement().appendChild(page.getElement());
    }
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    // The page's server-rendered copy goes in the same step in which this real one appears.
    attach.getUI().getPage().executeJs("document.getElementById($0)?.remove()", FirstPaint.ID);
    showUser();
    userChanges = CurrentUser.onChange(attach.getUI(), change -> showUser());
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (userChanges != null) {
      userChanges.remove();
      userChanges = null;
    }
  }

  private void showUser() {
    CurrentUser.get()
        .ifPresentOrElse(
            userId -> {
              user.setText("User " + userId);
              user.setHref(
                  "?" + BrowseState.DEFAULT.withUser(userId).toQueryString()); // their grid
              user.getElement().setAttribute("aria-label", "Current user " + userId + ": open");
              user.removeClassName("mr-appbar__user--none");
            },
            () -> {
              user.setText("No user yet");
              user.setHref(".");
              user.getElement().setAttribute("aria-label", "No user chosen yet: choose one");
              user.addClassName("mr-appbar__user--none");
            });
  }
}
