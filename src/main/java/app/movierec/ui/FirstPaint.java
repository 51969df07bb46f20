package app.movierec.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.springframework.stereotype.Component;

/**
 * Server-rendered first paint: the page's HTML response carries the view it opens (the poster grid
 * of {@code /?user=ID}, a movie's page) as plain HTML, so the browser shows it as soon as the HTML
 * and the style sheets arrive, before Vaadin's client has loaded, defined its components and built
 * the same view from the initial UI state. On a busy 2-core machine that client takes 1.5-2 s
 * (module evaluation, then some 6,000 changes of the UI tree for a page of 36 cards); the plain
 * HTML is painted in a few hundred milliseconds.
 *
 * <p>The copy is what the server already built for this request ({@link InitialNavigation}
 * navigates inside it): the UI's element tree written out as HTML, so it cannot drift from the real
 * page. It leaves out hidden elements, and what would not work or would clash without the client:
 * Vaadin's web components (they would upgrade without the properties the server gives them), form
 * controls and the star ratings. Each of those leaves an empty slot, which the style sheet sizes
 * like the real thing, so the page does not move when they arrive. Ids become {@code data-id},
 * because the real page owns them. Links and posters work as they are. The client removes the copy
 * in the same step in which it attaches the real page ({@link MainLayout}), and a style rule hides
 * it even before that.
 *
 * <p>Why not a ready-made solution: Vaadin Flow has no server-side rendering of its own, and the
 * only hook into the page's HTML is this listener; the copy is a few lines of jsoup, which Vaadin
 * itself uses for the page.
 */
@Component
class FirstPaint implements VaadinServiceInitListener {

  /** The id of the copy in the page's body. */
  static final String ID = "mr-first-paint";

  private static final Set<String> CONTROLS = Set.of("button", "input", "select", "textarea");

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.addIndexHtmlRequestListener(FirstPaint::addCopy);
  }

  static void addCopy(IndexHtmlResponse response) {
    String path = Objects.requireNonNullElse(response.getVaadinRequest().getPathInfo(), "");
    response
        .getUI()
        .or(FirstPaint::uiOfThisRequest)
        // never another tab's page: the UI must show this request's address
        .filter(ui -> samePath(ui.getInternals().getActiveViewLocation().getPath(), path))
        .ifPresent(ui -> addCopy(ui, response.getDocument()));
  }

  static boolean samePath(String viewPath, String requestPath) {
    return strip(viewPath).equals(strip(requestPath));
  }

  private static String strip(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  /**
   * The UI this request created: the response does not always carry it (Vaadin 25 resets the
   * current UI after serialising the initial state), but the session is locked for the request and
   * a session numbers its UIs in order, so it is the newest one.
   */
  private static Optional<UI> uiOfThisRequest() {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null) {
      return Optional.empty();
    }
    return session.getUIs().stream().max(Comparator.comparingInt(UI::getUIId));
  }

  /** Prepends the UI's current content to the page's body, as plain HTML. */
  static void addCopy(UI ui, Document page) {
    // the view, then its layouts: the outermost layout holds the whole page
    List<HasElement> chain = ui.getInternals().getActiveRouterTargetsChain();
    if (!chain.isEmpty()) {
      addCopy(chain.getLast().getElement(), page);
    }
  }

  /** Prepends a plain-HTML copy of {@code root} to the page's body. */
  static void addCopy(com.vaadin.flow.dom.Element root, Document page) {
    Element copy = page.body().prependElement("div").id(ID).attr("aria-busy", "true");
    appendCopy(copy, root);
  }

  /**
   * Appends {@code source} to {@code parent} as plain HTML, as {@code ElementUtil.toJsoup} does
   * (jsoup escapes text and attributes), but leaves out hidden elements and what needs the client
   * ({@link #needsClient}), and renames ids to {@code data-id}: the real page owns the ids.
   */
  private static void appendCopy(Element parent, com.vaadin.flow.dom.Element source) {
    if (source.isTextNode()) {
      parent.appendChild(new TextNode(source.getText()));
      return;
    }
    if (!source.isVisible()) {
      return;
    }
    if (needsClient(source)) {
      // an empty slot where it goes, which the style sheet sizes like the real thing, so that
      // nothing moves when the client brings it
      Element slot =
          parent
              .appendElement("span")
              .attr(
                  "data-slot",
                  source.getClassList().contains("mr-rating") ? "mr-rating" : source.getTag())
              .attr("aria-hidden", "true");
      String classes = source.getAttribute("class");
      if (classes != null) {
        slot.attr("class", classes);
      }
      Serializable label = source.getPropertyRaw("label");
      if (label instanceof String text && !text.isEmpty()) {
        slot.attr("data-labelled", "");
      }
      return;
    }
    Element target = parent.appendElement(source.getTag());
    source
        .getAttributeNames()
        .forEach(
            name -> target.attr(name.equals("id") ? "data-id" : name, source.getAttribute(name)));
    if (source.hasProperty("innerHTML")) {
      // an Html component: markup the server wrote itself
      target.html(String.valueOf(source.getPropertyRaw("innerHTML")));
    }
    source.getChildren().forEach(child -> appendCopy(target, child));
  }

  /**
   * What needs Vaadin's client to work or even to look right: its web components (they would
   * upgrade without the properties the server gives them), form controls and the star ratings.
   */
  private static boolean needsClient(com.vaadin.flow.dom.Element element) {
    String tag = element.getTag();
    return tag.contains("-")
        || CONTROLS.contains(tag)
        || element.getClassList().contains("mr-rating");
  }
}
