package app.movierec.security;

import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The operator, the one account with a password (role {@code ADMIN}): the login form of {@code
 * /admin} and Basic credentials on the API check against it. Its password comes from {@code
 * movierec.admin.password} (a BCrypt hash, or plain text with a warning); without one, the first
 * start generates a random password, logs it once (the only time it is ever shown) and stores its
 * BCrypt hash in the database, so later starts keep it. The configured password and the hash are
 * never logged.
 */
@Service
public class OperatorAccounts implements UserDetailsService {

  public static final String ROLE = "ADMIN";

  private static final Logger log = LoggerFactory.getLogger(OperatorAccounts.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"; // no look-alikes
  private static final int GENERATED_LENGTH = 24; // 24 * log2(57) = 140 bits

  private final String username;
  private final String passwordHash;

  OperatorAccounts(
      AdminProperties properties, OperatorAccountRepository accounts, PasswordEncoder encoder) {
    this.username = properties.username();
    if (properties.passwordConfigured()) {
      String hash = properties.configuredHash();
      if (hash == null) {
        log.warn(
            "movierec.admin.password is set in plain text; put a BCrypt hash there instead"
                + " (for example the output of: htpasswd -bnBC 12 \"\" 'your password' | tr -d ':')");
        hash = encoder.encode(properties.password().strip());
      }
      this.passwordHash = hash;
      log.info(
          "The operator logs in to /admin as '{}' with the password set in movierec.admin.password",
          username);
    } else {
      this.passwordHash = storedOrGenerated(accounts, encoder);
    }
  }

  private String storedOrGenerated(OperatorAccountRepository accounts, PasswordEncoder encoder) {
    var stored = accounts.findById(username);
    if (stored.isPresent()) {
      log.info(
          "The operator logs in to /admin as '{}' with the password generated at the first start"
              + " (stored hashed in the database; set movierec.admin.password to choose one)",
          username);
      return stored.get().passwordHash();
    }
    String password = generatePassword();
    String hash = encoder.encode(password);
    try {
      accounts.saveAndFlush(
          new OperatorAccount(username, hash, Clock.systemUTC().instant().getEpochSecond()));
    } catch (DataIntegrityViolationException e) {
      // another instance on the same database generated one first: use theirs
      return accounts.findById(username).orElseThrow(() -> e).passwordHash();
    }
    log.warn(
        "\n\n    Generated the operator password for /admin (shown only this once; its BCrypt hash is"
            + " stored in the database):\n    user: {}\n    password: {}\n"
            + "    Set movierec.admin.password to choose your own.\n",
        username,
        password);
    return hash;
  }

  static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  @Override
  public UserDetails loadUserByUsername(String name) {
    if (!username.equals(name)) {
      throw new UsernameNotFoundException("no such operator");
    }
    return User.withUsername(username).password(passwordHash).roles(ROLE).build();
  }

  /** The operator's user name. */
  public String username() {
    return username;
  }
}
