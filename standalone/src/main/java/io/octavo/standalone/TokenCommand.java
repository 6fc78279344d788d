package io.octavo.standalone;

import io.octavo.gateway.edge.AdminTokenFile;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar octavo.jar token --rotate}: replaces the admin token whose hash is kept in the
 * data directory and prints the new one once. A running Octavo picks the new hash up within two
 * seconds; the old token stops working.
 */
final class TokenCommand {
  private TokenCommand() {
  }

  static int run(String[] args, Map<String, String> env, PrintStream out) {
    if (args.length != 2 || !args[1].equals("--rotate")) {
      out.println("usage: java -jar octavo.jar token --rotate   (with the server's OCTAVO_DATA_DIR or "
          + AdminTokenFile.ENV + ")");
      return 2;
    }
    AdminTokenFile file = AdminTokenFile.fromEnv(env, StandaloneMain.dataDir(env).resolve(AdminTokenFile.DEFAULT_NAME));
    String token = file.rotate();
    out.println("""
        The new admin token. It is shown this once; only its hash is kept, in %s:

            OCTAVO_ADMIN_TOKEN=%s

        The old token stops working within two seconds, on a running Octavo too.""".formatted(file.path(), token));
    String fixed = env.get("OCTAVO_ADMIN_TOKEN");
    if (fixed != null && !fixed.isBlank()) {
      out.println("Note: OCTAVO_ADMIN_TOKEN is set here; an Octavo started with it uses it, not the file.");
    }
    return 0;
  }
}
