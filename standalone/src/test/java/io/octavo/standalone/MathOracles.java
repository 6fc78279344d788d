package io.octavo.standalone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engines themselves as oracles of what a reader saw: kramdown (Jekyll), hugo (goldmark, then
 * MathJax's delimiters in the page text) and pandoc (Hexo with hexo-renderer-pandoc, and Octavo's
 * own dialect). Each gives a post's math as (kind, TeX) spans, to compare with what Octavo stores.
 * An engine that is not installed is reported by {@link #missing}, so a test can skip and say why.
 */
final class MathOracles {
  /** One formula: inline or display, and its TeX with white space runs as one space (pandoc's own normal form). */
  record Span(String kind, String tex) {
    static Span of(String kind, String tex) {
      return new Span(kind, tex.strip().replaceAll("\\s+", " "));
    }
  }

  /** A math span as Octavo stores it: MathML with the TeX as its annotation, or (not typeset) {@code \\(TeX\\)}. */
  private static final Pattern OCTAVO_SPAN = Pattern.compile(
      "<span class=\"math (inline|display)\">(?:\\\\[(\\[](.*?)\\\\[)\\]](?=</span>)"
      + "|<math.*?<annotation encoding=\"application/x-tex\">(.*?)</annotation>)", Pattern.DOTALL);

  private MathOracles() {
  }

  /** Why an engine cannot run here, or null when it can. */
  static String missing(String engine) {
    List<String> command = switch (engine) {
      case "kramdown" -> List.of("ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", "1");
      case "hugo" -> List.of("hugo", "version");
      default -> List.of("pandoc", "--version");
    };
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? null
          : engine + " is not installed (" + String.join(" ", command) + " failed)";
    } catch (IOException | InterruptedException e) {
      return engine + " is not installed (" + e.getMessage() + ")";
    }
  }

  /** Octavo's stored math: the spans of a post's rendered HTML. */
  static List<Span> octavo(String html) {
    List<Span> spans = new ArrayList<>();
    Matcher m = OCTAVO_SPAN.matcher(html);
    while (m.find()) {
      String tex = m.group(2) != null ? m.group(2) : m.group(3);
      spans.add(Span.of(m.group(1), numericEntities(tex).replace("&lt;", "<").replace("&gt;", ">")
          .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")));
    }
    return spans;
  }

  /** {@code &#xff08;} and {@code &#40;} as the characters they stand for (the sanitiser writes non-ASCII so). */
  private static String numericEntities(String text) {
    Matcher entity = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);").matcher(text);
    StringBuilder out = new StringBuilder();
    while (entity.find()) {
      String code = entity.group(1);
      int point = code.startsWith("x") ? Integer.parseInt(code.substring(1), 16) : Integer.parseInt(code);
      entity.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(point))));
    }
    return entity.appendTail(out).toString();
  }

  /** kramdown's math for each body (one ruby process for all). */
  static List<List<Span>> kramdown(List<String> bodies) throws Exception {
    Path script = Files.createTempFile("kramdown-math", ".rb");
    try (InputStream in = MathOracles.class.getResourceAsStream("/oracles/kramdown-math.rb")) {
      Files.write(script, in.readAllBytes());
    }
    String out = run(List.of("ruby", script.toString()), new JsonArray(bodies).encode(), null);
    Files.deleteIfExists(script);
    List<List<Span>> all = new ArrayList<>();
    for (Object doc : new JsonArray(out)) {
      List<Span> spans = new ArrayList<>();
      ((JsonArray) doc).forEach(pair -> spans.add(Span.of(((JsonArray) pair).getString(0), ((JsonArray) pair).getString(1))));
      all.add(spans);
    }
    return all;
  }

  /** pandoc's math ({@code -f markdown}) for one body. */
  static List<Span> pandoc(String body) throws Exception {
    String json = run(List.of("pandoc", "-f", "markdown-yaml_metadata_block", "-t", "json"), body, null);
    List<Span> spans = new ArrayList<>();
    walkPandoc(new JsonObject(json).getValue("blocks"), spans);
    return spans;
  }

  private static void walkPandoc(Object node, List<Span> spans) {
    if (node instanceof JsonArray array) {
      array.forEach(item -> walkPandoc(item, spans));
    } else if (node instanceof JsonObject object) {
      if ("Math".equals(object.getString("t"))) {
        JsonArray c = object.getJsonArray("c");
        spans.add(Span.of("DisplayMath".equals(c.getJsonObject(0).getString("t")) ? "display" : "inline", c.getString(1)));
      } else if (!"Code".equals(object.getString("t")) && !"CodeBlock".equals(object.getString("t"))) {
        walkPandoc(object.getValue("c"), spans);
      }
    }
  }

  /**
   * What MathJax finds on pages hugo builds from these bodies: goldmark's HTML, code left out,
   * {@code $$ $$} and {@code \[ \]} display, {@code \( \)} and {@code $ $} (pandoc's rules) inline.
   */
  static List<List<Span>> hugo(List<String> bodies) throws Exception {
    Path site = Files.createTempDirectory("hugo-oracle");
    try {
      Files.writeString(site.resolve("hugo.toml"), """
          baseURL = "/"
          disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "robotsTXT", "404"]
          [markup.goldmark.renderer]
            unsafe = true
          """);
      Files.createDirectories(site.resolve("layouts/_default"));
      Files.writeString(site.resolve("layouts/_default/single.html"), "{{ .Content }}");
      Files.createDirectories(site.resolve("content/posts"));
      for (int i = 0; i < bodies.size(); i++) {
        Files.writeString(site.resolve("content/posts/p" + i + ".md"), "---\ntitle: p" + i + "\n---\n" + bodies.get(i));
      }
      run(List.of("hugo", "--quiet", "-s", site.toString()), "", site);
      List<List<Span>> all = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) {
        all.add(mathJax(Files.readString(site.resolve("public/posts/p" + i + "/index.html"))));
      }
      return all;
    } finally {
      try (Stream<Path> walk = Files.walk(site)) {
        walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** MathJax's view of a page: the text outside code, with its default delimiters plus {@code $ $}. */
  static List<Span> mathJax(String html) {
    String text = html.replaceAll("(?s)<pre.*?</pre>|<code.*?</code>", " ").replaceAll("<[^>]*>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&rsquo;", "'").replace("&lsquo;", "'").replace("&ldquo;", "\"").replace("&rdquo;", "\"")
        .replace("&hellip;", "\u2026").replace("&ndash;", "\u2013").replace("&mdash;", "\u2014")
        .replace("&laquo;", "\u00ab").replace("&raquo;", "\u00bb").replace("&amp;", "&");
    List<Span> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '[')) {
        String close = text.charAt(i + 1) == '(' ? "\\)" : "\\]";
        int end = text.indexOf(close, i + 2);
        if (end > 0) {
          spans.add(Span.of(close.equals("\\)") ? "inline" : "display", text.substring(i + 2, end)));
          i = end + 2;
          continue;
        }
      } else if (c == '\\') {
        i += 2;
        continue;
      } else if (text.startsWith("$$", i)) {
        int end = text.indexOf("$$", i + 2);
        if (end > 0) {
          spans.add(Span.of("display", text.substring(i + 2, end)));
          i = end + 2;
          continue;
        }
      } else if (c == '$') {
        int end = closingDollar(text, i);
        if (end > 0) {
          spans.add(Span.of("inline", text.substring(i + 1, end)));
          i = end + 1;
          continue;
        }
      }
      i++;
    }
    return spans;
  }

  private static int closingDollar(String text, int open) {
    if (open + 1 >= text.length() || Character.isWhitespace(text.charAt(open + 1))) {
      return -1;
    }
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '$') {
        return Character.isWhitespace(text.charAt(i - 1)) || (i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))
            ? -1 : i;
      } else if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** How many of the engine's spans Octavo has (same kind, same TeX), counted as multisets. */
  static int matched(List<Span> engine, List<Span> octavo) {
    List<Span> left = new ArrayList<>(octavo);
    int matched = 0;
    for (Span span : engine) {
      if (left.remove(span)) {
        matched++;
      }
    }
    return matched;
  }

  private static String run(List<String> command, String input, Path dir) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    if (dir != null) {
      builder.directory(dir.toFile());
    }
    Process process = builder.start();
    Thread writer = new Thread(() -> {
      try (var out = process.getOutputStream()) {
        out.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // the engine stopped reading; its exit code says why
      }
    });
    writer.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    writer.join();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
    return output;
  }
}
