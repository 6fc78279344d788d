package io.octavo.posts.imports;

/**
 * Math in a Hugo (goldmark) post into pandoc's dialect. goldmark knows no math: it renders the
 * text, undoing CommonMark's backslash escapes ({@code \_} becomes {@code _}, {@code \\} becomes
 * {@code \}), and MathJax reads the result. So the TeX a reader saw is the source with those
 * escapes undone, which is what this stores; Hugo's typographer (on unless the site turns it off)
 * also made {@code ...} an ellipsis, {@code --} a dash and {@code <<} a guillemet there. Straight
 * quotes are kept: in TeX they are primes, which is what the writer meant. With goldmark's
 * passthrough extension enabled in the site's configuration the TeX reached MathJax raw, and only
 * the delimiters change.
 */
public final class GoldmarkMath extends MarkdownBlocks {
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final String[][] TYPOGRAPHER = {{"...", "\u2026"}, {"---", "\u2014"}, {"--", "\u2013"},
      {"<<", "\u00ab"}, {">>", "\u00bb"}};
  private final boolean passthrough;
  private final boolean typographer;

  public GoldmarkMath(Warnings warnings, boolean passthrough, boolean typographer) {
    super(warnings);
    this.passthrough = passthrough;
    this.typographer = typographer;
  }

  public static String convert(String body, Warnings warnings, boolean passthrough, boolean typographer) {
    return body.contains("$") || body.contains("\\")
        ? new GoldmarkMath(warnings, passthrough, typographer).convert(body) : body;
  }

  @Override
  String paragraph(String text, int firstLine) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '`') {
        int stop = codeSpanStop(text, i);
        out.append(text, i, stop);
        i = stop;
      } else if (c == '\\' && bracketMath(text, i)) {
        i = bracketedMath(out, text, i, passthrough ? 2 : 3, this::tex);
      } else if (c == '\\' && i + 1 < text.length() && PUNCTUATION.indexOf(text.charAt(i + 1)) >= 0) {
        out.append(text, i, i + 2);
        i += 2;
      } else if (c == '$' && text.startsWith("$$", i)) {
        int close = closingDollars(text, i + 2);
        if (close < 0) {
          out.append("\\$\\$");
          i += 2;
          continue;
        }
        out.append("$$").append(tex(text.substring(i + 2, close))).append("$$");
        i = close + 2;
      } else if (c == '$') {
        int close = closingDollar(text, i);
        if (close < 0) {
          out.append('$');
          i++;
          continue;
        }
        inline(out, tex(text.substring(i + 1, close)), text, close + 1);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private boolean bracketMath(String text, int at) {
    return passthrough ? text.startsWith("\\(", at) || text.startsWith("\\[", at)
        : text.startsWith("\\\\(", at) || text.startsWith("\\\\[", at);
  }

  private static int closingDollars(String text, int from) {
    for (int i = from; i < text.length() - 1; i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '$' && text.charAt(i + 1) == '$') {
        return i;
      }
    }
    return -1;
  }

  /** pandoc's rule for {@code $}: not followed by space; closed by a {@code $} after no space and before no digit. */
  private static int closingDollar(String text, int open) {
    if (open + 1 >= text.length() || Character.isWhitespace(text.charAt(open + 1))) {
      return -1;
    }
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (Character.isWhitespace(c)) {
        int next = i;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (next < text.length() && text.charAt(next) == '$') {
          return -1;
        }
        i = next - 1;
      } else if (c == '$') {
        return i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)) ? -1 : i;
      }
    }
    return -1;
  }

  /** The TeX MathJax read: escapes and the entities goldmark decodes undone, unless passthrough kept it raw. */
  private String tex(String source) {
    if (passthrough) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    outer:
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length() && PUNCTUATION.indexOf(source.charAt(i + 1)) >= 0) {
        out.append(source.charAt(++i));
        continue;
      }
      if (typographer && (c == '.' || c == '-' || c == '<' || c == '>')) {
        for (String[] pair : TYPOGRAPHER) {
          if (source.startsWith(pair[0], i)) {
            out.append(pair[1]);
            i += pair[0].length() - 1;
            continue outer;
          }
        }
      }
      out.append(c);
    }
    return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }
}
