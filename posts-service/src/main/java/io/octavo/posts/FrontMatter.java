package io.octavo.posts;

import io.octavo.common.ServiceFailure;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Front matter at the top of a post: YAML (Hexo, Jekyll, Hugo) between {@code ---} lines (the
 * closing one may be {@code ...}), parsed with SnakeYAML's safe constructor; or TOML (Hugo)
 * between {@code +++} lines, parsed with Jackson's TOML reader.
 */
final class FrontMatter {
  private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

  private FrontMatter() {
  }

  /** A source split in two: front matter fields (YAML or TOML) and the Markdown body after them. */
  record Split(Map<String, Object> fields, String body) {
  }

  /** Splits YAML ({@code ---}) or TOML ({@code +++}, Hugo) front matter from the body. */
  static Split split(String markdown) {
    if (markdown.startsWith("+++\n") || markdown.startsWith("+++\r\n")) {
      int end = closing(markdown, "+++");
      if (end > 0) {
        String toml = markdown.substring(markdown.indexOf('\n') + 1, end);
        return new Split(parseToml(toml), afterLine(markdown, end));
      }
    }
    String yaml = block(markdown);
    if (yaml == null) {
      return new Split(Map.of(), markdown);
    }
    int end = markdown.indexOf('\n') + 1 + yaml.length();
    return new Split(parseYaml(yaml), afterLine(markdown, end));
  }

  /** The front matter's keys and values (YAML or TOML), or an empty map when the post has none. */
  static Map<String, Object> parse(String markdown) {
    if (markdown == null) {
      return Map.of();
    }
    return split(markdown).fields();
  }

  /**
   * What the renderer is given: the source itself, which it reads YAML front matter from, or for
   * TOML front matter (which CommonMark would show as a paragraph) the body after it.
   */
  static String forRendering(String markdown) {
    if (markdown.startsWith("+++\n") || markdown.startsWith("+++\r\n")) {
      int end = closing(markdown, "+++");
      return end > 0 ? afterLine(markdown, end) : markdown;
    }
    return markdown;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseToml(String toml) {
    try {
      return new TomlMapper().readValue(toml, LinkedHashMap.class);
    } catch (IOException | RuntimeException e) {
      throw ServiceFailure.unprocessable("front matter is not valid TOML: " + firstLine(e.getMessage()));
    }
  }

  private static int closing(String markdown, String fence) {
    int lineStart = markdown.indexOf('\n') + 1;
    while (lineStart > 0 && lineStart < markdown.length()) {
      int lineEnd = markdown.indexOf('\n', lineStart);
      String line = (lineEnd < 0 ? markdown.substring(lineStart) : markdown.substring(lineStart, lineEnd)).strip();
      if (line.equals(fence)) {
        return lineStart;
      }
      if (lineEnd < 0) {
        return -1;
      }
      lineStart = lineEnd + 1;
    }
    return -1;
  }

  /** The text after the line that starts at {@code lineStart} (the closing fence). */
  private static String afterLine(String markdown, int lineStart) {
    int lineEnd = markdown.indexOf('\n', lineStart);
    return lineEnd < 0 ? "" : markdown.substring(lineEnd + 1);
  }

  private static Map<String, Object> parseYaml(String yaml) {
    if (yaml.isBlank()) {
      return Map.of();
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
    options.setMaxAliasesForCollections(10); // no billion-laughs
    options.setAllowDuplicateKeys(false);
    try {
      Object loaded = new Yaml(new StrictYamlConstructor(options)).load(yaml);
      if (loaded == null) {
        return Map.of();
      }
      if (!(loaded instanceof Map<?, ?> map)) {
        throw ServiceFailure.unprocessable("front matter must be a YAML mapping of keys to values");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) map;
      return fields;
    } catch (YAMLException | ClassCastException e) {
      throw ServiceFailure.unprocessable("front matter is not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static String block(String markdown) {
    if (markdown == null || !(markdown.startsWith("---\n") || markdown.startsWith("---\r\n"))) {
      return null;
    }
    int start = markdown.indexOf('\n') + 1;
    int lineStart = start;
    while (lineStart < markdown.length()) {
      int lineEnd = markdown.indexOf('\n', lineStart);
      String line = (lineEnd < 0 ? markdown.substring(lineStart) : markdown.substring(lineStart, lineEnd)).strip();
      if (line.equals("---") || line.equals("...")) {
        return markdown.substring(start, lineStart);
      }
      if (lineEnd < 0) {
        break;
      }
      lineStart = lineEnd + 1;
    }
    return null; // an opening --- without a closing line is a thematic break, not front matter
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
