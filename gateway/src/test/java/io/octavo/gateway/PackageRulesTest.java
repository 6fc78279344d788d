package io.octavo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's three rooms stay apart: {@code api} and {@code site} never use each other,
 * {@code edge} (what every route shares) uses neither, and none of them uses the root package
 * (which wires them together, so arrows only point from it). A plain scan of the main sources, so
 * a wrong import fails here with the file's name rather than in review.
 */
class PackageRulesTest {

  private static final Path SOURCES = Path.of("src/main/java/io/octavo/gateway");
  /** A room's name, or a class of the root package (such as {@code GatewaySettings}). */
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.octavo\\.gateway\\.(edge|api|site|[A-Z]\\w*)\\b");
  private static final String ROOT = "the root package";
  private static final Map<String, Set<String>> FORBIDDEN = Map.of(
      "edge", Set.of("api", "site", ROOT),
      "api", Set.of("site", ROOT),
      "site", Set.of("api", ROOT));

  @Test
  void apiAndSiteNeverUseEachOtherEdgeUsesNeitherAndNoneUsesTheRoot() throws IOException {
    List<String> violations = new ArrayList<>();
    for (var rule : FORBIDDEN.entrySet()) {
      Path room = SOURCES.resolve(rule.getKey());
      assertThat(room).isDirectory();
      try (Stream<Path> files = Files.walk(room)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher reference = REFERENCE.matcher(Files.readString(file));
          while (reference.find()) {
            String used = Character.isUpperCase(reference.group(1).charAt(0)) ? ROOT : reference.group(1);
            if (rule.getValue().contains(used)) {
              violations.add(SOURCES.relativize(file) + " uses io.octavo.gateway." + reference.group(1));
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** One HTTP error type: vert.x web's HttpException only arrives from its own handlers. */
  @Test
  void gatewayCodeFailsWithServiceFailureOnly() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<String> raising = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> read(f).contains("new HttpException("))
          .map(f -> SOURCES.relativize(f).toString()).toList();
      assertThat(raising).isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theScanSeesAWrongImport() {
    String wrong = "package io.octavo.gateway.api;\nimport io.octavo.gateway.site.PagesHandler;\n";
    Matcher reference = REFERENCE.matcher(wrong);
    assertThat(reference.find()).isTrue();
    assertThat(reference.find()).isTrue();
    assertThat(reference.group(1)).isEqualTo("site");
    assertThat(REFERENCE.matcher("import io.octavo.gateway.GatewaySettings;").find()).isTrue();
  }
}
