package io.octavo.posts;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.PostInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Markdown file from Hexo, Jekyll or Hugo to a post: front matter (YAML or TOML) to fields,
 * the file name and folder as fallbacks, and every key Octavo has no field for into {@code meta},
 * which is exported again.
 *
 * <ul>
 *   <li>title; date, published, publishDate, pubDate (else the Jekyll file name's date)</li>
 *   <li>tags and categories (both become tags); slug, else the last part of permalink or url, else
 *       the Jekyll file name's slug, the Hugo page bundle's folder, or the file name</li>
 *   <li>draft: true or published: false make a draft; status wins if given</li>
 *   <li>series and series_part (a "[Name] Part N - ..." title fills them too)</li>
 *   <li>updated, lastmod, excerpt, description, summary and anything else: kept in meta</li>
 * </ul>
 */
final class ImportMapper {
  private static final Set<String> MARKDOWN = Set.of("md", "markdown", "mdown", "mkd");
  private static final Pattern JEKYLL_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(.+)");
  private static final Set<String> DATE_KEYS = Set.of("date", "published_at", "publishdate", "pubdate", "published_date");
  private static final Set<String> MAPPED = Set.of("title", "slug", "permalink", "url", "tags", "categories",
      "draft", "status", "series", "series_part", "date", "published_at", "publishdate", "pubdate", "published_date");

  /** The post a file becomes: what to write, and the meta to keep. */
  record Imported(PostInput input, JsonObject meta) {
    String slug() {
      return input.slug();
    }
  }

  private ImportMapper() {
  }

  static boolean isMarkdown(String path) {
    String name = fileName(path);
    int dot = name.lastIndexOf('.');
    return dot > 0 && MARKDOWN.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static Imported map(String path, String content) {
    String name = fileName(path);
    if (name.startsWith("_index.")) {
      throw ServiceFailure.unprocessable("a Hugo section page (_index.md) lists posts; it is not one");
    }
    FrontMatter.Split split = FrontMatter.split(content.replace("\r\n", "\n"));
    Map<String, Object> front = lowerCaseKeys(split.fields());

    String stem = name.substring(0, name.lastIndexOf('.'));
    if (stem.equals("index")) {
      stem = parentFolder(path); // a Hugo page bundle: content/posts/my-post/index.md
    }
    String fileDate = null;
    Matcher jekyll = JEKYLL_NAME.matcher(stem);
    if (jekyll.matches()) {
      fileDate = jekyll.group(1);
      stem = jekyll.group(2);
    }

    String slug = firstNonBlank(text(front.get("slug")), lastSegment(text(front.get("permalink"))),
        lastSegment(text(front.get("url"))), Slugs.fromTitle(stem));
    slug = Slugs.isValid(slug) ? slug : Slugs.fromTitle(slug);
    if (slug.isEmpty()) {
      throw ServiceFailure.unprocessable("no slug can be made from the file name or front matter");
    }
    String title = text(front.get("title"));

    List<String> tags = new ArrayList<>(list(front.get("tags")));
    tags.addAll(list(front.get("categories")));

    String status = FrontMatterStatus.of(front);
    String date = null;
    for (String key : DATE_KEYS) {
      if (front.containsKey(key) && date == null) {
        date = dateText(front.get(key));
      }
    }
    if (date == null) {
      date = fileDate;
    }
    String series = front.get("series") instanceof Collection<?> several && !several.isEmpty()
        ? String.valueOf(several.iterator().next()) : text(front.get("series"));
    Integer part = front.get("series_part") instanceof Number number ? number.intValue() : null;

    JsonObject meta = new JsonObject();
    split.fields().forEach((key, value) -> {
      if (!MAPPED.contains(key.toLowerCase(Locale.ROOT))) {
        meta.put(key, json(value));
      }
    });
    if (Boolean.FALSE.equals(front.get("published"))) {
      meta.put("published", false);
    }
    String body = split.body();
    if (title == null && firstHeadingIsMissing(body)) {
      title = humanise(stem);
    }
    return new Imported(new PostInput(body, title, slug, tags, series, part, status, date), meta);
  }

  private static boolean firstHeadingIsMissing(String body) {
    return !body.stripLeading().startsWith("# ");
  }

  private static String humanise(String stem) {
    String words = stem.replace('-', ' ').replace('_', ' ').strip();
    return words.isEmpty() ? stem : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> fields) {
    Map<String, Object> lower = new LinkedHashMap<>();
    fields.forEach((key, value) -> lower.putIfAbsent(key.toLowerCase(Locale.ROOT), value));
    return lower;
  }

  /** A front matter value as JSON: dates as ISO text, maps and lists recursively. */
  static Object json(Object value) {
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

  private static String dateText(Object value) {
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

  private static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> items) {
      List<String> flat = new ArrayList<>();
      items.forEach(item -> flat.addAll(list(item))); // Hexo's nested categories: [a, [b, c]]
      return flat;
    }
    return List.of(value.toString().split(","));
  }

  private static String text(Object value) {
    return value == null || value instanceof Map || value instanceof Collection ? null : value.toString();
  }

  private static String lastSegment(String url) {
    if (url == null) {
      return null;
    }
    String[] parts = url.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      String part = parts[i].replaceAll("\\.html?$", "");
      if (!part.isBlank()) {
        return part;
      }
    }
    return null;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String parentFolder(String path) {
    String[] parts = path.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : "index";
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
