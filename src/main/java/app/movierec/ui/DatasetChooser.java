package app.movierec.ui;

import app.movierec.catalog.imports.DatasetChoice;
import app.movierec.catalog.imports.DatasetChoice.Option;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first page's question when nothing is configured and there is no data yet: which MovieLens
 * release to download, with what each costs and gives. The pick goes to {@link DatasetChoice}; the
 * download's progress then shows in the page like any other progress.
 */
class DatasetChooser extends Div {

  private final List<Button> buttons = new ArrayList<>();

  DatasetChooser(DatasetChoice choice) {
    addClassName("mr-choice");
    setId("dataset-choice");
    var intro =
        new Paragraph(
            "There is no MovieLens data here yet. Pick the dataset to download from GroupLens"
                + " (it is downloaded once and kept in data/; start with --movierec.dataset=... to"
                + " skip this question).");
    intro.addClassName("mr-section__subtitle");
    var options = new Div();
    options.addClassName("mr-choice__options");
    for (Option option : Option.values()) {
      var name = new H3(option.label());
      var size = new Span(option.size());
      size.addClassName("mr-chip");
      var gives = new Paragraph(option.gives());
      var use = new Button("Download " + option.label());
      use.setId("choose-" + option.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      use.addThemeVariants(
          option == Option.ML_LATEST_SMALL ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY);
      use.addClickListener(
          click -> {
            buttons.forEach(button -> button.setEnabled(false));
            use.setText("Downloading " + option.label() + "…");
            choice.choose(option);
          });
      buttons.add(use);
      var card = new Div(name, size, gives, use);
      card.addClassName("mr-choice__option");
      options.add(card);
    }
    add(new H2("Choose a dataset"), intro, options);
  }
}
