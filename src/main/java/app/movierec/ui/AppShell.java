package app.movierec.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell: Lumo, then the app's own theme from the top-level {@code frontend/} folder, which
 * the build copies to the static resources ({@code META-INF/resources/}) so no frontend build (npm)
 * is needed; the icons from the same folder. Server push, so that progress, late posters and a
 * finished retrain reach the page without polling.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/movierec.css")
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addFavIcon("icon", "icons/movierec.svg", "any");
    settings.addLink("apple-touch-icon", "icons/movierec-180.png");
    settings.addMetaTag("theme-color", "#0d0f14");
    settings.addMetaTag(
        "description", "Hybrid movie recommendations from MovieLens ratings, tags and tag genome");
  }
}
