package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The plain-HTML copy of a page that the server puts in front of Vaadin's client. The browser test
 * ({@code WebUiBrowserTest}) checks it on the real page, with and without JavaScript.
 */
class FirstPaintTest {

  @Test
  void copies_text_links_posters_and_server_markup_escaped_as_html() {
    Div root = new Div();
    Span title = new Span("<b>Heat</b> & Dust");
    title.addClassName("mr-card__title");
    root.add(
        title,
        new Anchor("movie/1", "Heat"),
        new Image("posters/generated/1.svg", "Poster of Heat"),
        new Html("<em>because you liked Ronin</em>"));

    Element copy = copyOf(root);

    assertThat(copy.selectFirst("span.mr-card__title").text()).isEqualTo("<b>Heat</b> & Dust");
    assertThat(copy.html()).contains("&lt;b&gt;Heat&lt;/b&gt; &amp; Dust").doesNotContain("<b>");
    assertThat(copy.selectFirst("a").attr("href")).isEqualTo("movie/1");
    assertThat(copy.selectFirst("img").attr("src")).isEqualTo("posters/generated/1.svg");
    assertThat(copy.selectFirst("em").text()).isEqualTo("because you liked Ronin");
  }

  @Test
  void leaves_out_hidden_elements_web_components_controls_and_ratings() {
    Div root = new Div();
    Span hidden = new Span("preparing");
    hidden.setVisible(false);
    Div hiddenParent = new Div(new Span("inside a hidden element"));
    hiddenParent.setVisible(false);
    Span star = new Span("★");
    star.addClassName("mr-star");
    Div rating = new Div(star);
    rating.addClassName("mr-rating");
    root.add(new Span("shown"), hidden, hiddenParent, new Button("Show"), new Input(), rating);

    Element copy = copyOf(root);

    assertThat(copy.text()).isEqualTo("shown");
    assertThat(copy.select("vaadin-button, input, .mr-star")).isEmpty();
    // what needs the client leaves an empty slot for the style sheet to keep its room
    assertThat(copy.select("[data-slot]").eachAttr("data-slot"))
        .containsExactly("vaadin-button", "input", "mr-rating");
    assertThat(copy.select("[data-slot]")).allMatch(slot -> slot.childrenSize() == 0);
  }

  @Test
  void a_slot_keeps_the_classes_and_says_whether_a_field_has_a_label() {
    TextField labelled = new TextField("User id");
    labelled.addClassName("mr-user-field");
    Div root = new Div(labelled, new TextField());

    Element copy = copyOf(root);

    assertThat(copy.select("[data-slot=vaadin-text-field]"))
        .extracting(slot -> slot.hasAttr("data-labelled"), slot -> slot.hasClass("mr-user-field"))
        .containsExactly(tuple(true, true), tuple(false, false));
  }

  @Test
  void ids_become_data_ids_so_the_real_page_keeps_its_own() {
    Div root = new Div();
    root.setId("recommendations");
    Span inner = new Span("x");
    inner.setId("user-summary");
    root.add(inner);

    Document page = Document.createShell("");
    page.body().appendElement("div").id("outlet");
    FirstPaint.addCopy(root.getElement(), page);

    Element copy = page.body().child(0);
    assertThat(copy.id()).isEqualTo(FirstPaint.ID);
    assertThat(copy.attr("aria-busy")).isEqualTo("true");
    assertThat(page.select("[id]").eachAttr("id")).containsExactly(FirstPaint.ID, "outlet");
    assertThat(copy.select("[data-id]").eachAttr("data-id"))
        .containsExactly("recommendations", "user-summary");
  }

  @Test
  void copies_only_a_view_of_the_address_asked_for() {
    assertThat(FirstPaint.samePath("", "/")).isTrue();
    assertThat(FirstPaint.samePath("movie/2571", "/movie/2571")).isTrue();
    assertThat(FirstPaint.samePath("", "/movie/2571")).isFalse();
    assertThat(FirstPaint.samePath("movie/2571", "/movie/25")).isFalse();
  }

  private static Element copyOf(Div root) {
    Document page = Document.createShell("");
    FirstPaint.addCopy(root.getElement(), page);
    return page.getElementById(FirstPaint.ID);
  }
}
