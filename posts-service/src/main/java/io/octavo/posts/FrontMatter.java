package io.octavo.posts;

import io.octavo.common.ServiceFailure;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * YAML front matter at the top of a post (Hexo, Jekyll and Hugo style): a first line {@code ---},
 * then YAML, then a line {@code ---} or {@code ...}. Parsed with SnakeYAML's safe constructor.
 */
final class FrontMatter {
  private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

  private FrontMatter() {
  }

  /** The front matter's keys and values, or an empty map when the post has none. */
  static Map<String, Object> parse(String markdown) {
    String yaml = block(markdown);
    if (yaml == null || yaml.isBlank()) {
      return Map.of();
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
    options.setMaxAliasesForCollections(10); // no billion-laughs
    options.setAllowDuplicateKeys(false);
    try {
      Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
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
