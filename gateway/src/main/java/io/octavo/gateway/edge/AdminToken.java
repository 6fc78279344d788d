package io.octavo.gateway.edge;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The admin bearer token, kept only as its SHA-256 hash and compared in constant time. A token
 * is long and random, so a fast hash is enough: there is nothing to brute-force from the hash.
 * The hash comes from {@code OCTAVO_ADMIN_TOKEN}, or from a hash file ({@link AdminTokenFile}),
 * which is re-read while running so that {@code octavo.jar token --rotate} takes effect at once.
 */
public final class AdminToken {
  static final String PREFIX = "sha256:";
  private static final long WATCH_EVERY_MS = 2_000;
  private volatile byte[] hash;
  private final Path source;

  private AdminToken(byte[] hash, Path source) {
    this.hash = hash;
    this.source = source;
  }

  public static AdminToken of(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the admin token must not be blank");
    }
    return new AdminToken(sha256(token), null);
  }

  /**
   * For a clustered gateway, which has no data directory: {@code OCTAVO_ADMIN_TOKEN}, or the hash
   * file named by {@code OCTAVO_ADMIN_TOKEN_HASH_FILE}. One of them is required: a token made up by
   * one replica would not work on the others.
   */
  public static AdminToken fromEnv(Map<String, String> env) {
    String token = env.get("OCTAVO_ADMIN_TOKEN");
    if (token != null && !token.isBlank()) {
      return of(token.trim());
    }
    String file = env.get(AdminTokenFile.ENV);
    if (file != null && !file.isBlank()) {
      return new AdminTokenFile(Path.of(file)).load().orElseThrow(() -> new IllegalStateException(
          AdminTokenFile.ENV + " names " + file + ", which holds no token hash; make it with 'java -jar octavo.jar token --rotate'"));
    }
    throw new IllegalStateException("set OCTAVO_ADMIN_TOKEN (the same on every gateway replica), or "
        + AdminTokenFile.ENV + " to a file holding its hash (docs/deployment.md)");
  }

  /**
   * For the standalone: {@code OCTAVO_ADMIN_TOKEN} when set; otherwise the hash file (by default in
   * the data directory), made on the first start with a new token that is printed once.
   */
  public static AdminToken fromEnvOrFile(Map<String, String> env, Path defaultFile) {
    String token = env.get("OCTAVO_ADMIN_TOKEN");
    if (token != null && !token.isBlank()) {
      return of(token.trim());
    }
    return AdminTokenFile.fromEnv(env, defaultFile).loadOrCreate(System.out);
  }

  /** A token whose hash came from {@code line} ({@code sha256:<hex>}), re-read from {@code source} by {@link #watch}. */
  static Optional<AdminToken> fromHashLine(String line, Path source) {
    return parse(line).map(parsed -> new AdminToken(parsed, source));
  }

  /** The line a hash file holds for {@code token}. */
  static String hashLine(String token) {
    return PREFIX + HexFormat.of().formatHex(sha256(token));
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

  /**
   * Follows the hash file, if the token came from one: a rotated token replaces the old one within
   * two seconds. An unreadable or garbled file keeps the hash in use (never open, never locked out).
   */
  public void watch(Vertx vertx) {
    if (source == null) {
      return;
    }
    vertx.setPeriodic(WATCH_EVERY_MS, id -> vertx.fileSystem().readFile(source.toString())
        .onSuccess(content -> parse(content.toString(StandardCharsets.UTF_8)).ifPresent(parsed -> hash = parsed)));
  }

  private static Optional<byte[]> parse(String line) {
    String text = line.strip();
    if (!text.startsWith(PREFIX) || text.length() != PREFIX.length() + 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(text.substring(PREFIX.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
