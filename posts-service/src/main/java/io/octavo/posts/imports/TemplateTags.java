package io.octavo.posts.imports;

import io.octavo.posts.fields.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquid (Jekyll), Hexo's tag plugins and Hugo's shortcodes: template syntax the engine ran at
 * build time, so the reader never saw it. Each becomes what it produced - fenced code with its
 * language, a link to the imported post, an image, a resolved path - or, when not understood
 * ({@code {% include %}}, a theme's shortcode), an HTML comment and a warning with its line:
 * never raw text on a page.
 *
 * <p>Jekyll runs Liquid before Markdown, so tags are converted everywhere except inside
 * {@code {% raw %}}; Hexo leaves fenced code alone, and so does this class for it. Hugo only
 * knows shortcodes; {@code {{</* x * /> }}} is its way to write one literally.
 */
public final class TemplateTags {
  private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%\\}(.*?)\\{%-?\\s*endraw\\s*-?%\\}", Pattern.DOTALL);
  private static final Pattern LIQUID_COMMENT = Pattern.compile(
      "\\{%-?\\s*comment\\s*-?%\\}.*?\\{%-?\\s*endcomment\\s*-?%\\}", Pattern.DOTALL);
  private static final Pattern HUGO_ESCAPED = Pattern.compile("\\{\\{([<%])/\\*(.*?)\\*/([>%])\\}\\}", Pattern.DOTALL);
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  /** {% highlight py linenos %} ... {% endhighlight %}, Hexo's codeblock/code, Hugo's highlight. */
  private static final Pattern CODE_BLOCK = Pattern.compile(
      "\\{%-?\\s*(highlight|codeblock|code)\\b([^%]*?)-?%\\}\\r?\\n?(.*?)\\{%-?\\s*end(?:highlight|codeblock|code)\\s*-?%\\}"
      + "|\\{\\{[<%]\\s*highlight\\b([^>%]*?)[>%]\\}\\}\\r?\\n?(.*?)\\{\\{[<%]\\s*/highlight\\s*[>%]\\}\\}", Pattern.DOTALL);
  private static final Pattern BLOCKQUOTE = Pattern.compile(
      "\\{%-?\\s*(?:blockquote|quote)\\b([^%]*?)-?%\\}\\r?\\n?(.*?)\\{%-?\\s*end(?:blockquote|quote)\\s*-?%\\}", Pattern.DOTALL);
  private static final Pattern LIQUID_TAG = Pattern.compile("\\{%-?\\s*(\\w+)(.*?)-?%\\}", Pattern.DOTALL);
  private static final Pattern LIQUID_OUTPUT = Pattern.compile("\\{\\{-?(?![<%])(.*?)-?\\}\\}", Pattern.DOTALL);
  private static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*(/?)\\s*([\\w./-]+)(.*?)\\s*[>%]\\}\\}", Pattern.DOTALL);
  private static final Pattern PARAM = Pattern.compile("(?:([\\w-]+)\\s*=\\s*)?(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`|[^\\s\"']+)");
  private static final Pattern LANG = Pattern.compile("lang:(\\S+)");
  private static final Pattern QUOTED = Pattern.compile("^[\"'](.*)[\"']$", Pattern.DOTALL);
  private static final char OPEN = '\uE020';
  private static final char CLOSE = '\uE021';

  private final Conversion c;
  private final List<String> kept = new ArrayList<>();
  private String original;
  /** The text the running replacement reads. */
  private String current;

  private TemplateTags(Conversion conversion) {
    this.c = conversion;
  }

  public static String convert(String body, Conversion conversion) {
    if (body.indexOf('{') < 0) {
      return body;
    }
    return new TemplateTags(conversion).run(body);
  }

  private String run(String body) {
    original = body;
    boolean liquid = c.engine() != Engine.HUGO;
    boolean hugo = c.engine() == Engine.HUGO || c.engine() == Engine.PLAIN;
    String text = body;
    if (hugo) {
      text = replace(HUGO_ESCAPED, text, m -> keep("{{" + m.group(1) + m.group(2) + m.group(3) + "}}"));
    }
    if (liquid) {
      text = replace(RAW, text, m -> keep(m.group(1)));
      text = replace(LIQUID_COMMENT, text, m -> "");
    }
    StringBuilder out = new StringBuilder(text.length());
    for (Segment segment : segments(text, c.engine() != Engine.JEKYLL)) {
      out.append(segment.code ? segment.text : prose(segment.text, liquid, hugo));
    }
    return restore(out.toString());
  }

  private String prose(String text, boolean liquid, boolean hugo) {
    text = replace(CODE_BLOCK, text, this::codeBlock);
    if (liquid) {
      text = replace(BLOCKQUOTE, text, this::blockquote);
      text = replace(LIQUID_TAG, text, this::liquidTag);
      text = replace(LIQUID_OUTPUT, text, this::liquidOutput);
    }
    if (hugo) {
      text = pairedShortcodes(text);
      text = replace(SHORTCODE, text, this::shortcode);
    }
    return text;
  }

  private String codeBlock(Matcher m) {
    boolean liquid = m.group(1) != null;
    String args = liquid ? m.group(2) : m.group(4);
    String code = liquid ? m.group(3) : m.group(5);
    String lang = "";
    List<String> words = words(args == null ? "" : args);
    if (liquid && !m.group(1).equals("highlight")) {
      Matcher hexoLang = LANG.matcher(args);
      lang = hexoLang.find() ? hexoLang.group(1) : "";
    } else if (!words.isEmpty()) {
      lang = unquote(words.get(0));
    }
    if (!code.isEmpty() && !code.endsWith("\n")) {
      code = code + "\n";
    }
    String fence = Texts.fenceFor(code);
    return startOfLine(m) + fence + lang + "\n" + code + fence;
  }

  private String blockquote(Matcher m) {
    StringBuilder quote = new StringBuilder(startOfLine(m));
    for (String line : m.group(2).strip().split("\n", -1)) {
      quote.append("> ").append(line).append('\n');
    }
    String author = m.group(1).strip();
    if (!author.isEmpty()) {
      quote.append(">\n> — ").append(author.replaceAll("\\s+https?://\\S+", "")).append('\n');
    }
    return quote.toString();
  }

  private String liquidTag(Matcher m) {
    String name = m.group(1);
    List<String> args = words(m.group(2));
    String first = args.isEmpty() ? "" : unquote(args.get(0));
    switch (name) {
      case "post_url":
        return c.postPath().apply(first);
      case "link":
        return first.contains("_posts/") ? c.postPath().apply(first) : "/" + first.replaceFirst("\\.(md|markdown)$", "/");
      case "post_path":
        return c.postPath().apply(first);
      case "post_link": {
        String title = args.size() > 1 ? unquote(String.join(" ", args.subList(1, args.size())))
            .replaceAll("\\s+(true|false)$", "") : first;
        return "[" + title + "](" + c.postPath().apply(first) + ")";
      }
      case "asset_img":
      case "img":
        return image(name, args);
      case "asset_path":
        return c.stem() + "/" + first;
      case "asset_link": {
        String title = args.size() > 1 ? unquote(String.join(" ", args.subList(1, args.size()))) : first;
        return "[" + title + "](" + c.stem() + "/" + first + ")";
      }
      case "youtube":
        return "[YouTube video](https://www.youtube.com/watch?v=" + first + ")";
      case "vimeo":
        return "[Vimeo video](https://vimeo.com/" + first + ")";
      case "gist":
        return "[Gist](https://gist.github.com/" + first + ")";
      case "endraw", "raw", "more":
        return "";
      default:
        return unknown(m, "the " + (c.engine() == Engine.HEXO ? "Hexo tag" : "Liquid tag") + " '" + name + "'");
    }
  }

  /** Hexo's {% asset_img [class] slug [width] [height] [title [alt]] %} and {% img ... %}. */
  private String image(String name, List<String> args) {
    String src = null;
    List<String> rest = new ArrayList<>();
    for (String arg : args) {
      String plain = unquote(arg);
      if (src == null && (plain.contains(".") || plain.contains("/")) && !plain.contains(" ")) {
        src = plain;
      } else if (src != null && !plain.matches("\\d+(px|%)?")) {
        rest.add(plain);
      }
    }
    if (src == null) {
      return "";
    }
    if (name.equals("asset_img") && !src.contains("://") && !src.startsWith("/")) {
      src = c.stem() + "/" + src;
    }
    String title = String.join(" ", rest).strip();
    String alt = title;
    Matcher both = Pattern.compile("^\"(.*)\"\\s+\"(.*)\"$").matcher(title);
    if (both.matches()) {
      title = both.group(1);
      alt = both.group(2);
    }
    return "![" + alt.replace("]", "\\]") + "](" + src + (title.isEmpty() ? "" : " \"" + title.replace("\"", "\\\"") + "\"") + ")";
  }

  private String liquidOutput(Matcher m) {
    String expression = m.group(1).strip();
    String[] filters = expression.split("\\|");
    String value = filters[0].strip();
    String resolved;
    Matcher quoted = QUOTED.matcher(value);
    if (quoted.matches()) {
      resolved = quoted.group(1);
    } else if (value.equals("site.baseurl") || value.equals("site.url") || value.equals("site.root")
        || value.equals("config.root") || value.equals("site.github.url")) {
      resolved = "";
    } else if (value.equals("page.title") && c.title() != null) {
      resolved = c.title();
    } else {
      return unknown(m, "the Liquid output '{{ " + Texts.abbreviate(expression) + " }}'");
    }
    for (int i = 1; i < filters.length; i++) {
      String filter = filters[i].strip();
      if (filter.startsWith("relative_url") || filter.startsWith("absolute_url") || filter.startsWith("url_for")
          || filter.startsWith("prepend: site.baseurl") || filter.startsWith("prepend: site.url")) {
        resolved = resolved.startsWith("/") || resolved.contains("://") || resolved.isEmpty() ? resolved : "/" + resolved;
      } else if (!filter.startsWith("escape") && !filter.startsWith("strip")) {
        return unknown(m, "the Liquid filter '" + Texts.abbreviate(filter) + "'");
      }
    }
    return resolved;
  }

  /** {{< name >}}inner{{< /name >}} of a shortcode this class does not know: the inner Markdown stays. */
  private String pairedShortcodes(String text) {
    Matcher open = SHORTCODE.matcher(text);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (open.find(from)) {
      String name = open.group(3);
      if (!open.group(2).isEmpty() || known(name)) {
        out.append(text, from, open.end());
        from = open.end();
        continue;
      }
      Pattern closing = Pattern.compile("\\{\\{[<%]\\s*/\\s*" + Pattern.quote(name) + "\\s*[>%]\\}\\}");
      Matcher close = closing.matcher(text);
      if (!close.find(open.end())) {
        out.append(text, from, open.end());
        from = open.end();
        continue;
      }
      out.append(text, from, open.start());
      out.append(unknown(open, "the shortcode '" + name + "' (its content is kept)"));
      out.append(text, open.end(), close.start());
      from = close.end();
    }
    return out.append(text.substring(from)).toString();
  }

  private String shortcode(Matcher m) {
    if (!m.group(2).isEmpty()) {
      return ""; // the closing half of a pair handled above
    }
    String name = m.group(3);
    Map<String, String> named = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    Matcher param = PARAM.matcher(m.group(4));
    while (param.find()) {
      if (param.group(1) != null) {
        named.put(param.group(1), unquote(param.group(2)));
      } else {
        positional.add(unquote(param.group(2)));
      }
    }
    String first = positional.isEmpty() ? "" : positional.get(0);
    return switch (name) {
      case "ref", "relref" -> c.postPath().apply(named.getOrDefault("path", first));
      case "figure" -> {
        String src = named.getOrDefault("src", "");
        String alt = named.getOrDefault("alt", named.getOrDefault("caption", named.getOrDefault("title", "")));
        String title = named.getOrDefault("title", "");
        String image = "![" + alt.replace("]", "\\]") + "](" + src
            + (title.isEmpty() ? "" : " \"" + title.replace("\"", "\\\"") + "\"") + ")";
        String link = named.get("link");
        yield link == null ? image : "[" + image + "](" + link + ")";
      }
      case "youtube" -> "[YouTube video](https://www.youtube.com/watch?v=" + named.getOrDefault("id", first) + ")";
      case "vimeo" -> "[Vimeo video](https://vimeo.com/" + named.getOrDefault("id", first) + ")";
      case "gist" -> "[Gist](https://gist.github.com/" + String.join("/", positional) + ")";
      case "tweet", "x" -> "[Post](https://x.com/" + named.getOrDefault("user", "i") + "/status/"
          + named.getOrDefault("id", first) + ")";
      default -> unknown(m, "the shortcode '" + name + "'");
    };
  }

  private static boolean known(String name) {
    return List.of("ref", "relref", "figure", "youtube", "vimeo", "gist", "tweet", "x", "highlight").contains(name);
  }

  private String unknown(Matcher m, String what) {
    int line = Texts.lineOf(original, Math.max(0, original.indexOf(restore(m.group(0)))));
    c.warnings().at(line, what + " has no Octavo equivalent; it is kept as an HTML comment");
    return keep(Texts.comment(restore(m.group(0))));
  }

  /** A newline when the block's tag does not start its own line, so the fence does. */
  private String startOfLine(Matcher m) {
    int start = m.start();
    return start == 0 || current.charAt(start - 1) == '\n' ? "" : "\n";
  }

  private static List<String> words(String args) {
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("\"[^\"]*\"|'[^']*'|\\S+").matcher(args.strip());
    while (word.find()) {
      words.add(word.group());
    }
    return words;
  }

  private static String unquote(String value) {
    Matcher quoted = QUOTED.matcher(value.strip());
    return quoted.matches() ? quoted.group(1) : value.strip();
  }

  private String keep(String text) {
    kept.add(text);
    return OPEN + Integer.toString(kept.size() - 1) + CLOSE;
  }

  private String restore(String text) {
    if (text.indexOf(OPEN) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int open = text.indexOf(OPEN); open >= 0; open = text.indexOf(OPEN, from)) {
      int close = text.indexOf(CLOSE, open);
      if (close < 0) {
        break;
      }
      out.append(text, from, open).append(restore(kept.get(Integer.parseInt(text.substring(open + 1, close)))));
      from = close + 1;
    }
    return out.append(text.substring(from)).toString();
  }

  private String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    current = text;
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    do {
      out.append(text, from, m.start()).append(with.apply(m));
      from = m.end();
    } while (m.find());
    return out.append(text.substring(from)).toString();
  }

  private record Segment(String text, boolean code) {
  }

  /** The text cut into fenced code and the rest; {@code protectCode} false: all of it is prose. */
  private static List<Segment> segments(String text, boolean protectCode) {
    if (!protectCode) {
      return List.of(new Segment(text, false));
    }
    List<Segment> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String fence = null;
    for (String line : text.split("(?<=\n)")) {
      Matcher opening = FENCE.matcher(line);
      if (fence == null && opening.find()) {
        segments.add(new Segment(current.toString(), false));
        current.setLength(0);
        fence = opening.group(1);
        current.append(line);
      } else if (fence != null) {
        current.append(line);
        if (line.strip().startsWith(fence) && line.strip().replace(String.valueOf(fence.charAt(0)), "").isEmpty()) {
          segments.add(new Segment(current.toString(), true));
          current.setLength(0);
          fence = null;
        }
      } else {
        current.append(line);
      }
    }
    segments.add(new Segment(current.toString(), fence != null));
    return segments;
  }
}
