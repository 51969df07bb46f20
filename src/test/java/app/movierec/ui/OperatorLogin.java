package app.movierec.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Logs the operator in and out of a browserless (Karibu) session: Spring Security's context for the
 * services, the fake request's principal and roles for Vaadin's navigation access control.
 */
public final class OperatorLogin {

  private OperatorLogin() {}

  public static void logIn() {
    var operator =
        UsernamePasswordAuthenticationToken.authenticated(
            "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
    SecurityContextHolder.getContext().setAuthentication(operator);
    FakeRequest request = fakeRequest();
    request.setUserPrincipalInt(operator);
    request.setUserInRole((principal, role) -> "ADMIN".equals(role) || "ROLE_ADMIN".equals(role));
  }

  public static void logOut() {
    SecurityContextHolder.clearContext();
    FakeRequest request = fakeRequest();
    request.setUserPrincipalInt(null);
    request.setUserInRole((principal, role) -> false);
  }

  /** The browserless session's request (cookies, principal). */
  public static FakeRequest fakeRequest() {
    return (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
  }
}
