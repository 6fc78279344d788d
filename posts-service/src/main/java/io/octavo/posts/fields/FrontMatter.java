package io.octavo.posts.fields;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.FrontMatterBlock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Front matter at the top of a post, found by {@link FrontMatterBlock}: YAML (Hexo, Jekyll, Hugo)
 * parsed with SnakeYAML's safe constructor ({@link StrictYamlConstructor}: real dates, keys as text),
 * or TOML (Hugo) parsed with Jackson's TOML reader. API writes and imports both read it here, so
 * every key a caller sees is a non-null String.
 */
public final class FrontMatter {
  private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

  private FrontMatter() {
  }

  /** A source split in two: front matter fields (YAML or TOML) and the Markdown body after them. */
  public record Split(Map<String, Object> fields, String body) {
  }

  /** Splits front matter from the body where {@link FrontMatterBlock} says it ends, and parses it. */
  public static Split split(String markdown) {
    FrontMatterBlock block = FrontMatterBlock.find(markdown);
    return switch (block.format()) {
      case YAML -> new Split(parseYaml(block.text()), block.body());
      case TOML -> new Split(parseToml(block.text()), block.body());
      case NONE -> new Split(Map.of(), block.body());
    };
  }

  /** The front matter's keys and values (YAML or TOML), or an empty map when the post has none. */
  static Map<String, Object> parse(String markdown) {
    return markdown == null ? Map.of() : split(markdown).fields();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseToml(String toml) {
    try {
      return new TomlMapper().readValue(toml, LinkedHashMap.class);
    } catch (IOException | RuntimeException e) {
      throw ServiceFailure.unprocessable("front matter is not valid TOML: " + firstLine(e.getMessage()));
    }
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

  /** A front matter value as JSON: dates as ISO text, maps and lists recursively. */
  public static Object json(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Date || value instanceof TemporalAccessor) {
      return dateText(value);
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((key, item) -> object.put(String.valueOf(key), json(item)));
      return object;
    }
    if (value instanceof Collection<?> items) {
      JsonArray array = new JsonArray();
      items.forEach(item -> array.add(json(item)));
      return array;
    }
    return value.toString();
  }

  /** A front matter date as ISO text (a zone-less date-time read as UTC), anything else as text. */
  public static String dateText(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toString();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toString();
    }
    if (value instanceof LocalDateTime time) {
      return time.atOffset(ZoneOffset.UTC).toString();
    }
    if (value instanceof LocalDate day) {
      return day.toString();
    }
    return value == null ? null : value.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
