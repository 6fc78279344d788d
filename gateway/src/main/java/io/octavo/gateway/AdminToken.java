package io.octavo.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The admin bearer token, kept only as its SHA-256 hash and compared in constant time. A token
 * is long and random, so a fast hash is enough: there is nothing to brute-force from the hash.
 */
public final class AdminToken {
  private final byte[] hash;

  private AdminToken(byte[] hash) {
    this.hash = hash;
  }

  public static AdminToken of(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the admin token must not be blank");
    }
    return new AdminToken(sha256(token));
  }

  /**
   * {@code OCTAVO_ADMIN_TOKEN}, or a new token printed once when it is unset (then only its hash
   * is kept, and replicas need the variable set to agree on one token).
   */
  public static AdminToken fromEnv(Map<String, String> env) {
    String token = env.get("OCTAVO_ADMIN_TOKEN");
    if (token != null && !token.isBlank()) {
      return of(token.trim());
    }
    String generated = generate();
    System.out.println("""

        OCTAVO_ADMIN_TOKEN is not set, so Octavo made an admin token. It is shown once; only its hash is kept:

            OCTAVO_ADMIN_TOKEN=%s

        Set OCTAVO_ADMIN_TOKEN to keep one token across restarts (and to share it between replicas).
        """.formatted(generated));
    return of(generated);
  }

  /** A new random token (256 bits, base64url); the caller shows it once and forgets it. */
  public static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(hash, sha256(candidate));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
