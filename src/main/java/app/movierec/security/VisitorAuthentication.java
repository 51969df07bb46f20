package app.movierec.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request that presented a visitor's token: it may write that visitor's ratings, no others. */
public final class VisitorAuthentication extends AbstractAuthenticationToken {

  private final int userId;

  public VisitorAuthentication(int userId) {
    super(List.of(new SimpleGrantedAuthority("ROLE_VISITOR")));
    this.userId = userId;
    setAuthenticated(true);
  }

  public int userId() {
    return userId;
  }

  @Override
  public Object getCredentials() {
    return ""; // the token is not kept
  }

  @Override
  public Object getPrincipal() {
    return "visitor " + userId;
  }
}
