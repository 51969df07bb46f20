package app.movierec.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's login ({@code movierec.admin.*}): the user name, and the password as a BCrypt hash
 * ({@code $2a$...}, {@code $2b$...}, {@code $2y$...}, also with a {@code {bcrypt}} prefix) or, with
 * a warning at start-up, in plain text. Without a password one is generated at the first start,
 * logged once and kept hashed in the database.
 */
@ConfigurationProperties("movierec.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password) {

  public AdminProperties {
    if (username == null || username.isBlank() || username.length() > 64) {
      throw new IllegalArgumentException("movierec.admin.username must be 1 to 64 characters");
    }
    username = username.strip();
  }

  boolean passwordConfigured() {
    return password != null && !password.isBlank();
  }

  /** The configured password as a BCrypt hash, or null when it is given in plain text. */
  String configuredHash() {
    String value = password.strip();
    if (value.startsWith("{bcrypt}")) {
      value = value.substring("{bcrypt}".length());
    }
    return value.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}") ? value : null;
  }

  @Override
  public String toString() {
    return "AdminProperties[username=" + username + ", password=(secret)]";
  }
}
