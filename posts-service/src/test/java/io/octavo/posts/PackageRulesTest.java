package io.octavo.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The posts-service's packages and the only arrows allowed between them (docs/architecture.md
 * draws the same picture). The root wires; {@code writes} (consumers, writes, jobs) sits on
 * {@code media}, {@code store} and {@code imports}; everything ends in {@code fields}, a post's
 * shape, which uses no other package. A plain scan of the main sources: a new arrow fails here
 * with the file's name, and has to be added below (and to the picture) on purpose.
 */
class PackageRulesTest {

  private static final Path SOURCES = Path.of("src/main/java/io/octavo/posts");
  /** A sub-package's name, or a class of the root package (such as {@code PostsSettings}). */
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.octavo\\.posts\\.([a-z]\\w*|[A-Z]\\w*)\\b");
  private static final String ROOT = "root";
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      ROOT, Set.of("writes", "media", "store"),
      "writes", Set.of("media", "store", "imports", "fields"),
      "media", Set.of("store"),
      "store", Set.of("fields"),
      "imports", Set.of("fields"),
      "fields", Set.of());

  @Test
  void everyArrowBetweenPackagesIsAnAllowedOne() throws IOException {
    List<String> forbidden = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String from = packageOf(file);
        assertThat(ALLOWED).as("package of %s has rules", file).containsKey(from);
        for (String to : uses(from, Files.readString(file))) {
          if (!ALLOWED.get(from).contains(to)) {
            forbidden.add(SOURCES.relativize(file) + " (" + from + ") uses " + to);
          }
        }
      }
    }
    assertThat(forbidden).isEmpty();
  }

  @Test
  void thePackagesUsedHaveNoCycle() throws IOException {
    assertThat(cycle(ALLOWED)).as("a cycle in the allowed arrows").isEmpty();
    assertThat(cycle(arrows())).as("a cycle in the arrows the code has").isEmpty();
  }

  @Test
  void theScanSeesAWrongImportAndACycle() {
    String wrong = "package io.octavo.posts.fields;\nimport io.octavo.posts.store.Cursor;\n"
        + "import static io.octavo.posts.fields.Engine.PLAIN;\n/** {@link io.octavo.posts.PostsService} */\n";
    assertThat(uses("fields", wrong)).containsExactlyInAnyOrder("store", ROOT);
    assertThat(cycle(Map.of("fields", Set.of("store"), "store", Set.of("fields"))))
        .containsExactly("fields", "store", "fields");
    assertThat(cycle(Map.of("store", Set.of("fields"), "fields", Set.of()))).isEmpty();
  }

  /** Every arrow found in the sources, by package. */
  private static Map<String, Set<String>> arrows() throws IOException {
    Map<String, Set<String>> arrows = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
        String from = packageOf(file);
        arrows.computeIfAbsent(from, p -> new TreeSet<>()).addAll(uses(from, read(file)));
      });
    }
    return arrows;
  }

  /** The other packages of the service that {@code source} (in package {@code from}) names. */
  private static Set<String> uses(String from, String source) {
    Set<String> used = new TreeSet<>();
    Matcher reference = REFERENCE.matcher(source);
    while (reference.find()) {
      String name = reference.group(1);
      String to = Character.isUpperCase(name.charAt(0)) ? ROOT : name;
      if (!to.equals(from)) {
        used.add(to);
      }
    }
    return used;
  }

  /** One cycle as the packages along it (first repeated last), or empty when there is none. */
  private static List<String> cycle(Map<String, Set<String>> arrows) {
    for (String start : new TreeSet<>(arrows.keySet())) {
      List<String> path = new ArrayList<>();
      if (walk(start, arrows, path, new TreeSet<>())) {
        return path;
      }
    }
    return List.of();
  }

  private static boolean walk(String at, Map<String, Set<String>> arrows, List<String> path, Set<String> done) {
    if (path.contains(at)) {
      path.subList(0, path.indexOf(at)).clear();
      path.add(at);
      return true;
    }
    if (!done.add(at)) {
      return false;
    }
    path.add(at);
    for (String next : new TreeSet<>(arrows.getOrDefault(at, Set.of()))) {
      if (walk(next, arrows, path, done)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  private static String packageOf(Path file) {
    Path relative = SOURCES.relativize(file.getParent());
    return relative.toString().isEmpty() ? ROOT : relative.toString().replace('/', '.');
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
