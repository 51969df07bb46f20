package app.movierec.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Any unknown page, and a movie id the catalogue does not have: a page in the app's frame that says
 * so, answered with HTTP 404 (the first request of a page is navigated on the server, see {@link
 * InitialNavigation}, so the status reaches the browser and crawlers).
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · movierec")
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

  /** How a page of ours starts the message when it reroutes here. */
  static final String MISSING = "There is no ";

  private final Paragraph what = new Paragraph();

  public NotFoundView() {
    addClassNames("mr-section", "mr-panel", "mr-not-found");
    setId("not-found");
    what.addClassName("mr-section__subtitle");
    var home = new Anchor(".", "Recommendations");
    var start = new Anchor("start", "Rate movies");
    var links = new Div(home, start);
    links.addClassName("mr-not-found__links");
    add(
        new H1("Page not found"),
        what,
        new Paragraph("Search a title above, or go to one of these:"),
        links);
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    String message = parameter.hasCustomMessage() ? parameter.getCustomMessage() : "";
    what.setText(
        message.isBlank()
            ? "There is no page at /" + event.getLocation().getPath() + "."
            : message);
    return HttpServletResponse.SC_NOT_FOUND;
  }
}
