package io.octavo.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs e2e/pages.test.mjs and e2e/media.test.mjs (headless Chromium through playwright-core) against a running Octavo:
 * math typeset, code highlighted, no console errors, no request to another origin, screenshots in
 * docs/screenshots. Skipped, saying why, where Chromium, Node.js or the npm package is missing.
 */
class BrowserIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void pagesRenderMathAndCodeInARealBrowser() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    Path playwright = ROOT.resolve("e2e/node_modules/playwright-core");
    String missing = !Files.isExecutable(chromium) ? "no Chromium at " + chromium + " (apt-get install chromium)"
        : !onPath("node") ? "no Node.js on the PATH"
        : !Files.isDirectory(playwright) ? "run 'npm install' in e2e/ for playwright-core" : null;
    if (missing != null) {
      System.out.println("[browser test] SKIPPED: " + missing); // in the build log, not only the report
    }
    Assumptions.assumeTrue(missing == null, "browser test skipped: " + missing);

    TestOctavo started = TestOctavo.start(BrowserIT.class, Map.of("OCTAVO_ADMIN_TOKEN", "browser-token"));
    int port = started.port();
    StandaloneMain.Octavo octavo = started.octavo();
    try {
      ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "e2e/pages.test.mjs", "e2e/media.test.mjs"))
          .directory(ROOT.toFile()).redirectErrorStream(true);
      node.environment().putAll(Map.of("OCTAVO_URL", "http://127.0.0.1:" + port, "OCTAVO_TOKEN", "browser-token",
          "CHROMIUM", chromium.toString(), "SCREENSHOTS", ROOT.resolve("docs/screenshots").toString()));
      Process process = node.start();
      boolean finished = process.waitFor(180, TimeUnit.SECONDS);
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      System.out.println(output);
      assertThat(finished).as("the browser test finished").isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).contains("# fail 0");
    } finally {
      octavo.close();
    }
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
