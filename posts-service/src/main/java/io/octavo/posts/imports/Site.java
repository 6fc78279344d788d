package io.octavo.posts.imports;

import io.octavo.common.posts.Imports;
import io.octavo.posts.fields.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The site an import comes from, found from its file paths and configuration files before the
 * first post is read: the engine, where the site's root is inside the archive (a folder wrapping
 * everything is common), and the settings conversion needs (base URL, permalinks, goldmark's
 * passthrough). A bare folder of posts is {@link Engine#PLAIN}.
 *
 * <p>Each file is then placed by {@link #place}: a post, a draft, a page of the site (not a
 * post), or another file. Other files (images, PDFs) are where a media step hooks in: the
 * gateway hands them over with {@code skip} today; see {@link Placement#OTHER}.
 */
public record Site(Engine engine, String root, String baseUrl, String permalink, boolean passthrough,
                   boolean typographer, Dialect dialectOverride) {
  private static final List<String> JEKYLL_CONFIGS = List.of("_config.yml", "_config.yaml", "_config.toml");
  private static final List<String> HUGO_CONFIGS = List.of("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
      "config.toml", "config.yaml", "config.yml", "config.json", "config/_default/hugo.toml",
      "config/_default/config.toml", "config/_default/hugo.yaml", "config/_default/config.yaml",
      "config/_default/markup.toml", "config/_default/markup.yaml");

  /** Where a file belongs. */
  public enum Placement {
    POST, DRAFT,
    /** Markdown that is a page of the site (about, 404, a README), not a post. */
    PAGE,
    /** Not Markdown: images and other files posts refer to (the media step's input). */
    OTHER
  }

  public static Site plain() {
    return new Site(Engine.PLAIN, "", "", null, false, true, null);
  }

  /**
   * {@code paths}: every file in the archive; {@code configs}: the text of the files that may be a
   * configuration ({@link #isConfigCandidate}); {@code dialect}: the importer's override, or null.
   */
  public static Site detect(Collection<String> paths, Map<String, String> configs, String dialect) {
    String root = null;
    Engine engine = Engine.PLAIN;
    List<String> markdown = paths.stream().filter(path -> isMarkdown(path.substring(path.lastIndexOf('/') + 1))).toList();
    for (String path : markdown) { // images elsewhere (an export's media/) say nothing about where posts are
      for (var probe : List.of(Map.entry("source/_posts/", Engine.HEXO), Map.entry("_posts/", Engine.JEKYLL),
          Map.entry("content/", Engine.HUGO))) {
        int at = path.indexOf(probe.getKey());
        if (at >= 0 && (at == 0 || path.charAt(at - 1) == '/')) {
          String candidate = path.substring(0, at);
          if (probe.getValue() == Engine.JEKYLL && candidate.endsWith("source/")) {
            continue; // Hexo's source/_posts
          }
          if (root == null || candidate.length() < root.length()
              || (candidate.length() == root.length() && rank(probe.getValue()) < rank(engine))) {
            root = candidate;
            engine = probe.getValue();
          }
        }
      }
    }
    root = root == null ? commonFolder(markdown) : root;
    Map<String, Object> settings = new LinkedHashMap<>();
    boolean hugoConfig = false;
    boolean jekyllConfig = false;
    for (String name : HUGO_CONFIGS) {
      String text = configs.get(root + name);
      if (text != null) {
        hugoConfig |= !name.startsWith("config.") || text.contains("baseURL") || text.contains("baseurl");
        settings.putAll(parse(name, text));
      }
    }
    for (String name : JEKYLL_CONFIGS) {
      String text = configs.get(root + name);
      if (text != null) {
        jekyllConfig = true;
        settings.putAll(parse(name, text));
      }
    }
    if (engine == Engine.PLAIN) {
      engine = hugoConfig ? Engine.HUGO : jekyllConfig ? Engine.JEKYLL : Engine.PLAIN;
    }
    String base = text(lower(settings).get("baseurl"));
    if (engine == Engine.HEXO) {
      base = text(settings.get("root"));
    }
    return new Site(engine, root, base == null ? "" : stripSlashes(base), text(settings.get("permalink")),
        passthrough(settings), typographer(settings), Dialect.parse(dialect));
  }

  /** Whether the gateway should send this file's text for {@link #detect}: a small configuration file. */
  public static boolean isConfigCandidate(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return JEKYLL_CONFIGS.contains(name) || HUGO_CONFIGS.stream().anyMatch(config -> path.endsWith(config));
  }

  private static int rank(Engine engine) {
    return engine.ordinal();
  }

  /** The folder every path is inside, when they share one ("my-blog/"), else "". */
  private static String commonFolder(Collection<String> paths) {
    String common = null;
    for (String path : paths) {
      int slash = path.indexOf('/');
      String top = slash < 0 ? "" : path.substring(0, slash + 1);
      if (common == null) {
        common = top;
      } else if (!common.equals(top)) {
        return "";
      }
    }
    return common == null ? "" : common;
  }

  /** Where the file at {@code path} (in the archive) belongs, and its path inside the site. */
  public Placement place(String path) {
    String inSite = pathInSite(path);
    String name = inSite.substring(inSite.lastIndexOf('/') + 1);
    if (!isMarkdown(name)) {
      return Placement.OTHER;
    }
    return switch (engineOf(path)) {
      case JEKYLL -> inSite.startsWith("_posts/") || inSite.contains("/_posts/") ? Placement.POST
          : inSite.startsWith("_drafts/") ? Placement.DRAFT : Placement.PAGE;
      case HEXO -> inSite.startsWith("source/_posts/") ? Placement.POST
          : inSite.startsWith("source/_drafts/") ? Placement.DRAFT : Placement.PAGE;
      case HUGO -> inSite.startsWith("content/") && !name.startsWith("_index.") ? Placement.POST : Placement.PAGE;
      case PLAIN -> name.startsWith("_index.") ? Placement.PAGE : Placement.POST;
    };
  }

  /** The path without the folder the site sits in: the key re-imports are matched by. */
  public String pathInSite(String path) {
    return path.startsWith(root) ? path.substring(root.length()) : path;
  }

  /**
   * The dialect of one file: its front matter's {@code octavo_dialect}, else the importer's
   * override, else its folder's engine (an archive may hold posts of several engines), else the site's.
   */
  public Dialect dialectOf(String path, String frontMatterDialect) {
    Dialect fromFile = Dialect.parse(frontMatterDialect);
    if (fromFile != null) {
      return fromFile;
    }
    if (dialectOverride != null) {
      return dialectOverride;
    }
    return Dialect.of(engineOf(path));
  }

  /** The engine a file's folder says it belongs to ({@code _posts/}: Jekyll...), else the site's. */
  public Engine engineOf(String path) {
    String inSite = "/" + pathInSite(path);
    if (inSite.contains("/source/_posts/") || inSite.contains("/source/_drafts/")) {
      return Engine.HEXO;
    }
    if (inSite.contains("/_posts/") || inSite.contains("/_drafts/")) {
      return Engine.JEKYLL;
    }
    if (inSite.startsWith("/content/")) {
      return Engine.HUGO;
    }
    return engine;
  }

  public static boolean isMarkdown(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && List.of("md", "markdown", "mdown", "mkd").contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The site as the import reply and the job's row carry it. */
  public Imports.DetectedSite toDetected() {
    return new Imports.DetectedSite(engine.name().toLowerCase(Locale.ROOT), root, baseUrl, permalink, passthrough,
        typographer, dialectOverride == null ? null : dialectOverride.key());
  }

  /** The site a job detected; {@link #plain} when it has none. */
  public static Site of(Imports.DetectedSite detected) {
    if (detected == null) {
      return plain();
    }
    return new Site(Engine.valueOf(detected.engine().toUpperCase(Locale.ROOT)), detected.root(), detected.baseUrl(),
        detected.permalink(), detected.passthrough(), detected.typographer(), Dialect.parse(detected.dialect()));
  }

  /** goldmark's passthrough extension: TeX between math delimiters reaches MathJax untouched. */
  private static boolean passthrough(Map<String, Object> settings) {
    Object markup = lower(settings).get("markup");
    Object node = markup;
    for (String key : List.of("goldmark", "extensions", "passthrough", "enable")) {
      if (!(node instanceof Map<?, ?> map)) {
        return false;
      }
      node = lower(map).get(key);
    }
    return Boolean.TRUE.equals(node) || "true".equals(String.valueOf(node));
  }

  /** goldmark's typographer, on in Hugo unless {@code extensions.typographer} is false or disabled. */
  private static boolean typographer(Map<String, Object> settings) {
    Object node = lower(settings).get("markup");
    for (String key : List.of("goldmark", "extensions", "typographer")) {
      if (!(node instanceof Map<?, ?> map)) {
        return true;
      }
      node = lower(map).get(key);
    }
    if (node instanceof Map<?, ?> map) {
      return !"true".equals(String.valueOf(lower(map).get("disable")));
    }
    return node == null || !"false".equals(String.valueOf(node));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String name, String text) {
    try {
      Object loaded;
      if (name.endsWith(".toml")) {
        loaded = new TomlMapper().readValue(text, LinkedHashMap.class);
      } else if (name.endsWith(".json")) {
        loaded = new ObjectMapper().readValue(text, LinkedHashMap.class);
      } else {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        loaded = new Yaml(new SafeConstructor(options)).load(text);
      }
      Map<String, Object> map = loaded instanceof Map<?, ?> ? (Map<String, Object>) loaded : Map.of();
      if (name.endsWith("markup.toml") || name.endsWith("markup.yaml")) {
        return Map.of("markup", map);
      }
      return map;
    } catch (Exception unreadable) {
      return Map.of(); // a broken site configuration costs its settings, not the import
    }
  }

  private static Map<String, Object> lower(Map<?, ?> map) {
    Map<String, Object> lower = new LinkedHashMap<>();
    map.forEach((key, value) -> lower.putIfAbsent(String.valueOf(key).toLowerCase(Locale.ROOT), value));
    return lower;
  }

  private static String text(Object value) {
    return value == null || value instanceof Map || value instanceof Collection ? null : value.toString();
  }

  private static String stripSlashes(String url) {
    String path = url.replaceFirst("^[a-z]+://[^/]*", "");
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
  }
}
