package io.octavo.gateway.edge;

import io.octavo.common.config.SecretFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The file that keeps the admin token's hash ({@code sha256:<hex>}, one line, mode 0600): never the
 * token itself, so reading the file does not give the token away.
 */
public final class AdminTokenFile {
  /** Names the hash file; the standalone's default is {@code $OCTAVO_DATA_DIR/admin-token.sha256}. */
  public static final String ENV = "OCTAVO_ADMIN_TOKEN_HASH_FILE";
  public static final String DEFAULT_NAME = "admin-token.sha256";
  private final SecretFile file;

  public AdminTokenFile(Path path) {
    this.file = new SecretFile(path);
  }

  /** The file named by {@value #ENV}, else {@code defaultPath}. */
  public static AdminTokenFile fromEnv(Map<String, String> env, Path defaultPath) {
    String named = env.get(ENV);
    return new AdminTokenFile(named == null || named.isBlank() ? defaultPath : Path.of(named));
  }

  public Path path() {
    return file.path();
  }

  /** The token whose hash the file holds, if it holds one. */
  public Optional<AdminToken> load() {
    try {
      return file.read().flatMap(line -> AdminToken.fromHashLine(line, file.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the admin token's hash from " + file.path(), e);
    }
  }

  /** The stored token; on the first start, a new one whose hash is stored and which is printed once. */
  AdminToken loadOrCreate(PrintStream out) {
    return load().orElseGet(() -> {
      String token = rotate();
      out.println("""

          Octavo made an admin token. It is shown this once; only its hash is kept, in %s:

              OCTAVO_ADMIN_TOKEN=%s

          It stays valid across restarts. 'java -jar octavo.jar token --rotate' replaces it.
          """.formatted(file.path(), token));
      return load().orElseThrow();
    });
  }

  /** Makes a new token, stores its hash in place of the old one, and returns the token to show once. */
  public String rotate() {
    String token = AdminToken.generate();
    try {
      file.write(AdminToken.hashLine(token));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the admin token's hash to " + file.path(), e);
    }
    return token;
  }
}
