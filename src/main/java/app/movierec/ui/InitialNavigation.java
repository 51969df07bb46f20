package app.movierec.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Navigates a page's first request on the server, inside the HTML response, instead of in a second
 * round trip: the page appears a round trip sooner, and the response carries the view's HTTP
 * status, so an unknown page answers 404 rather than 200 ({@link NotFoundView}).
 */
@Component
class InitialNavigation implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().setBootstrapInitialPredicate(request -> true);
  }
}
