package io.octavo.posts.imports;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.PostInput;
import io.octavo.posts.fields.Engine;
import io.octavo.posts.fields.FieldReader;
import io.octavo.posts.fields.FrontMatter;
import io.octavo.posts.fields.LenientFrontMatter;
import io.octavo.posts.fields.PostField;
import io.octavo.posts.fields.Slugs;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
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
 *   <li>description, else Hugo's summary or Jekyll's and Hexo's excerpt: the description; the one
 *       not used, one too long for it, and updated, lastmod and anything else: kept in meta</li>
 *   <li>Jekyll's {@code tags: a b c} is three tags</li>
 *   <li>each field is read by its parser in {@link FieldReader}, leniently: a value an API write
 *       would refuse with a 422 is cut, left out or kept in meta with a warning (a tag over
 *       {@value FieldReader#MAX_TAG} characters is cut, tags past {@value FieldReader#MAX_TAGS} are
 *       left out, an unreadable status makes a draft), and the post is kept; only a date nobody can
 *       read fails the file, as a 422 would (a fallback would publish the post now, out of order)</li>
 *   <li>Hugo's expiryDate in the past makes a draft; aliases, permalinks and the engine's own
 *       date-based URLs become old paths that answer 301</li>
 * </ul>
 * The body is converted from the file's dialect ({@link SourceConverter}); U+0000 becomes U+FFFD.
 */
public final class ImportMapper {
  private static final Set<String> MARKDOWN = Set.of("md", "markdown", "mdown", "mkd");
  private static final Pattern JEKYLL_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(.+)");
  /** Front-matter keys an import reads besides the fields': where the post lived, its dialect. */
  private static final Set<String> IMPORT_KEYS = Set.of("permalink", "url", "octavo_dialect");
  private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  /**
   * The post a file becomes: what to write, the meta to keep, what the conversion warned about,
   * the dialect it was read in, the slug its file name gives (links from other posts use it), and
   * the public paths it had on the old site.
   */
  public record Imported(PostInput input, JsonObject meta, List<String> warnings, Dialect dialect, String fileSlug,
                  List<String> oldPaths) {
    public String slug() {
      return input.slug();
    }

    public Imported withSlug(String slug) {
      return new Imported(input.withSlug(slug), meta, warnings, dialect, fileSlug, oldPaths);
    }
  }

  private ImportMapper() {
  }

  static boolean isMarkdown(String path) {
    String name = fileName(path);
    int dot = name.lastIndexOf('.');
    return dot > 0 && MARKDOWN.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Maps a file that is not part of a detected site: a bare folder of posts. */
  static Imported map(String path, String content) {
    return map(path, content, Site.plain(), false);
  }

  public static Imported map(String path, String content, Site site, boolean draftFolder) {
    String name = fileName(path);
    if (name.startsWith("_index.")) {
      throw ServiceFailure.unprocessable("a Hugo section page (_index.md) lists posts; it is not one");
    }
    String source = content.replace("\r\n", "\n").replace('\u0000', '\uFFFD');
    FrontMatter.Split split;
    List<String> warnings = new ArrayList<>();
    try {
      split = FrontMatter.split(source);
    } catch (ServiceFailure unreadable) {
      split = LenientFrontMatter.split(source);
      warnings.add("line 1: " + unreadable.getMessage() + "; read line by line as 'key: value' instead");
    }
    Map<String, Object> front = lowerCaseKeys(split.fields());
    Engine engine = site.engineOf(path);

    String fileSlug = fileSlug(path);
    String stem = stem(path);
    String fileDate = null;
    Matcher jekyll = JEKYLL_NAME.matcher(stem);
    if (jekyll.matches()) {
      fileDate = jekyll.group(1);
      stem = jekyll.group(2);
    }

    FieldReader.Policy lenient = FieldReader.warnInto(warnings);
    String title = FieldReader.title(PostField.TITLE.in(front, engine), lenient);
    String slug = FieldReader.slug(PostField.SLUG.in(front, engine), lenient);
    if (slug == null) { // where the post lived, else its file: made a slug as the engine made its URL
      slug = firstNonBlank(lastSegment(text(front.get("permalink"))), lastSegment(text(front.get("url"))), fileSlug);
      slug = Slugs.isValid(slug) ? slug : Slugs.fromTitle(slug);
    }
    if (slug.isEmpty()) {
      slug = Slugs.fromTitle(firstNonBlank(title, "post"));
    }
    if (slug.isEmpty()) {
      slug = "post";
      warnings.add("no slug could be made from the file name or front matter; it is 'post' (with a number if taken)");
    }

    List<String> tags = FieldReader.tags(FieldReader.names(PostField.TAGS.all(front, engine), engine == Engine.JEKYLL),
        lenient);

    String status = FieldReader.frontStatus(front, lenient);
    if (status == null && draftFolder) {
      status = "draft";
    }
    // a date nobody can read fails the file, as through the API: falling back would publish it now, out of order
    Object dateValue = PostField.PUBLISHED_AT.in(front, engine);
    String date = FieldReader.publishedAt(dateValue, FieldReader.REFUSE) == null ? fileDate : FrontMatter.dateText(dateValue);
    String expiry = FrontMatter.dateText(front.get("expirydate"));
    if (status == null && expiry != null && expiry.compareTo(OffsetDateTime.now(ZoneOffset.UTC).toString()) < 0) {
      status = "draft";
      warnings.add("expiryDate " + expiry + " has passed, so Hugo no longer published it: imported as a draft");
    }
    String series = FieldReader.series(PostField.SERIES.in(front, engine), lenient);
    Integer part = FieldReader.seriesPart(PostField.SERIES_PART.in(front, engine), lenient);

    JsonObject meta = PostField.meta(split.fields(), engine, IMPORT_KEYS);
    if (Boolean.FALSE.equals(front.get("published"))) {
      meta.put("published", false);
    }
    Dialect dialect = site.dialectOf(path, text(front.get("octavo_dialect")));
    Warnings converted = new Warnings(lineCount(source) - lineCount(split.body()) + 1);
    String body = SourceConverter.convert(split.body(), dialect, site,
        new Conversion(engine, site.baseUrl(), title, site.pathInSite(path), ImportMapper::postPath, converted));
    warnings.addAll(converted.list());
    if (title == null && firstHeadingIsMissing(body)) {
      title = humanise(stem);
    }
    List<String> oldPaths = oldPaths(site, engine, path, front, fileSlug, stem, date, tags);
    PostInput.Builder input = PostInput.builder(body).title(title).slug(slug).tags(tags).series(series).seriesPart(part)
        .status(status).publishedAt(date);
    for (PostField field : PostField.TEXT) {
      field.give(input, FieldReader.text(field, field.in(front, engine), lenient));
    }
    return new Imported(input.build(), meta, warnings, dialect, fileSlug, oldPaths);
  }

  /** The slug a file's name gives: what {@code post_url}, {@code post_link} and {@code ref} point to. */
  static String fileSlug(String path) {
    String stem = stem(path);
    Matcher jekyll = JEKYLL_NAME.matcher(stem);
    if (jekyll.matches()) {
      stem = jekyll.group(2);
    }
    return Slugs.fromTitle(stem);
  }

  /** The Octavo page of the post in another file ("2010-07-21-name", "posts/x.md", "x.md#part"). */
  static String postPath(String reference) {
    String anchor = "";
    int hash = reference.indexOf('#');
    if (hash >= 0) {
      anchor = reference.substring(hash);
      reference = reference.substring(0, hash);
    }
    String name = reference.endsWith("/") ? reference.substring(0, reference.length() - 1) : reference;
    if (!Site.isMarkdown(fileName(name))) {
      name = name + ".md";
    }
    return "/posts/" + io.octavo.common.posts.SlugFormat.urlPath(fileSlug(name)) + anchor;
  }

  private static String stem(String path) {
    String name = fileName(path);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return stem.equals("index") ? parentFolder(path) : stem; // a Hugo page bundle: content/posts/my-post/index.md
  }

  /**
   * The public paths the post had: its permalink or url, Hugo's aliases, the engine's default
   * date-based or section URL, and {@code /posts/FILE-SLUG} (what links from other imported posts use).
   */
  private static List<String> oldPaths(Site site, Engine engine, String path, Map<String, Object> front,
                                       String fileSlug, String stem, String date, List<String> tags) {
    Set<String> paths = new LinkedHashSet<>();
    String base = site.baseUrl();
    for (String key : List.of("permalink", "url")) {
      String given = text(front.get(key));
      if (given != null && !given.contains(":")) {
        paths.add(base + (given.startsWith("/") ? "" : "/") + given);
      }
    }
    Object aliases = front.get("aliases");
    for (String alias : aliases == null ? List.<String>of() : FieldReader.names(List.of(aliases), false)) {
      paths.add(alias.startsWith("/") ? alias.strip() : base + "/" + alias.strip());
    }
    Matcher ymd = YEAR_MONTH_DAY.matcher(date == null ? "" : date);
    String[] day = ymd.find() ? new String[] {ymd.group(1), ymd.group(2), ymd.group(3)} : null;
    String inSite = site.pathInSite(path);
    switch (engine) {
      case JEKYLL -> {
        String pattern = site.permalink() == null || site.permalink().equals("date") ? "/:categories/:year/:month/:day/:title:output_ext"
            : site.permalink().equals("pretty") ? "/:categories/:year/:month/:day/:title/"
            : site.permalink().equals("none") ? "/:categories/:title:output_ext" : site.permalink();
        List<String> names = FieldReader.names(Collections.singletonList(front.get("categories")), true);
        String categories = String.join("/", names).toLowerCase(Locale.ROOT);
        if (day != null) {
          paths.add(base + expand(pattern, day, stem, categories));
        }
      }
      case HEXO -> {
        String pattern = site.permalink() == null ? ":year/:month/:day/:title/" : site.permalink();
        String title = inSite.replaceFirst("^source/_(posts|drafts)/", "").replaceFirst("\\.[^./]+$", "");
        if (day != null) {
          paths.add(base + "/" + expand(pattern, day, title, "").replaceFirst("^/", ""));
        }
      }
      case HUGO -> {
        String[] parts = inSite.split("/");
        if (parts.length >= 3) {
          String slug = firstNonBlank(text(front.get("slug")), stem);
          paths.add(base + "/" + parts[1] + "/" + slug + "/");
        }
      }
      case PLAIN -> {
      }
    }
    paths.add("/posts/" + fileSlug);
    return new ArrayList<>(paths);
  }

  private static String expand(String pattern, String[] day, String title, String categories) {
    String path = pattern.replace(":categories", categories).replace(":year", day[0]).replace(":month", day[1])
        .replace(":day", day[2]).replace(":i_month", String.valueOf(Integer.parseInt(day[1])))
        .replace(":i_day", String.valueOf(Integer.parseInt(day[2]))).replace(":output_ext", ".html")
        .replace(":title", title).replace(":slug", title).replace(":name", title);
    return path.replaceAll("/{2,}", "/");
  }

  private static int lineCount(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
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
