package app.movierec.ui.access;

import app.movierec.security.RateLimitedException;
import app.movierec.security.WriteAccess;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * A refused write on a page (someone else's ratings, a rate limit) becomes a notice on the page
 * instead of an error in the log: every session's error handler shows these two as a notification
 * and leaves everything else to Vaadin's default handler.
 */
@Component
class WriteRefusals implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(HANDLER));
  }

  private static final DefaultErrorHandler DEFAULT = new DefaultErrorHandler();

  private static final com.vaadin.flow.server.ErrorHandler HANDLER = WriteRefusals::handle;

  static void handle(ErrorEvent event) {
    Throwable refusal = refusal(event.getThrowable());
    if (refusal == null) {
      DEFAULT.error(event);
      return;
    }
    Notification notice =
        Notification.show(refusal.getMessage(), 6000, Notification.Position.MIDDLE);
    notice.addThemeVariants(NotificationVariant.LUMO_WARNING);
  }

  private static Throwable refusal(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof RateLimitedException || cause instanceof WriteAccess.NotOwnerException) {
        return cause;
      }
    }
    return null;
  }
}
