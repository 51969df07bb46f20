package app.movierec.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;

/**
 * The user the pages are about in this browser session: the one last shown on the main page, or the
 * visitor created by a first rating. The header shows it, the movie page rates and explains for it.
 * Kept in the Vaadin session only (no login: anyone may look at any MovieLens user).
 */
public final class CurrentUser {

  private static final String ATTRIBUTE = CurrentUser.class.getName();

  private CurrentUser() {}

  /** The session's user; empty before one is chosen or outside a Vaadin request. */
  public static Optional<Integer> get() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((Integer) session.getAttribute(ATTRIBUTE));
  }

  /** Makes {@code userId} the session's user and tells this UI's listeners (the header). */
  public static void set(int userId) {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null || Integer.valueOf(userId).equals(session.getAttribute(ATTRIBUTE))) {
      return;
    }
    session.setAttribute(ATTRIBUTE, userId);
    UI ui = UI.getCurrent();
    if (ui != null) {
      ComponentUtil.fireEvent(ui, new Changed(ui, userId));
    }
  }

  /** Calls {@code listener} whenever this UI's pages change the session's user. */
  public static Registration onChange(UI ui, ComponentEventListener<Changed> listener) {
    return ComponentUtil.addListener(ui, Changed.class, listener);
  }

  /** The session's user changed. */
  public static class Changed extends ComponentEvent<UI> {

    private final int userId;

    Changed(UI ui, int userId) {
      super(ui, false);
      this.userId = userId;
    }

    public int userId() {
      return userId;
    }
  }
}
