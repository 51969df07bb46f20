package app.movierec.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The operator's stored login (table {@code operator_account}): a user name and the BCrypt hash of
 * a password generated at the first start. Used only while {@code movierec.admin.password} is not
 * set.
 */
@Entity
@Table(name = "operator_account")
class OperatorAccount {

  @Id
  @Column(name = "username", length = 64)
  private String username;

  @Column(name = "password_hash", length = 100, nullable = false)
  private String passwordHash;

  /** Seconds since the epoch. */
  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected OperatorAccount() {}

  OperatorAccount(String username, String passwordHash, long createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }
}
