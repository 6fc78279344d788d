package io.octavo.render.math;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Math travels through rendering and sanitising as placeholders, so nothing re-encodes the TeX.
 *
 * <p>A placeholder is the TeX in base64url between two markers. The renderer writes U+0000
 * markers: CommonMark replaces every U+0000 of the source with U+FFFD, so no author can forge
 * one, and the page stays Latin-1 (cheaper to build than UTF-16). The sanitiser would strip
 * U+0000, so before it runs the markers become two private-use characters, which sources are
 * scrubbed of for the same reason. Placeholders only ever stand in text, never in attributes.
 */
public final class MathSpans {
  private static final char MARK = '\u0000';
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';

  private MathSpans() {
  }

  /** The source without the characters placeholders are made of. */
  public static String scrub(String markdown) {
    if (markdown.indexOf(MARK) < 0 && markdown.indexOf(OPEN) < 0 && markdown.indexOf(CLOSE) < 0) {
      return markdown;
    }
    return markdown.replace(MARK, '\uFFFD').replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
  }

  static String placeholder(String tex, boolean display) {
    return MARK + (display ? "d" : "i")
        + Base64.getUrlEncoder().withoutPadding().encodeToString(tex.getBytes(StandardCharsets.UTF_8)) + MARK;
  }

  /** Placeholders in a form the sanitiser keeps; {@link #restore} reads both forms. */
  public static String shieldForSanitiser(String html) {
    if (html.indexOf(MARK) < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html);
    boolean opening = true;
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) == MARK) {
        out.setCharAt(i, opening ? OPEN : CLOSE);
        opening = !opening;
      }
    }
    return out.toString();
  }

  /** Replaces every placeholder with its TeX span; the TeX is escaped for {@code <}, {@code >}, {@code &} only. */
  public static String restore(String html) {
    return restore(html, null, warning -> { });
  }

  /**
   * Replaces every placeholder with its span: with the formula's MathML inside when the
   * typesetter converts it (the TeX then travels in the MathML's annotation), else with the TeX
   * between {@code \(} {@code \)} or {@code \[} {@code \]}, the pandoc way, and a warning.
   *
   * @param typesetter null for TeX spans only
   */
  public static String restore(String html, MathTypesetter typesetter, Consumer<String> warnings) {
    html = restore(html, MARK, MARK, typesetter, warnings);
    return restore(html, OPEN, CLOSE, typesetter, warnings);
  }

  private static String restore(String html, char open, char close, MathTypesetter typesetter,
                                Consumer<String> warnings) {
    int start = html.indexOf(open);
    if (start < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length() + 64);
    int from = 0;
    while (start >= 0) {
      int end = html.indexOf(close, start + 1);
      if (end < start + 2) {
        break;
      }
      boolean display = html.charAt(start + 1) == 'd';
      String tex = new String(Base64.getUrlDecoder().decode(html.substring(start + 2, end)), StandardCharsets.UTF_8);
      out.append(html, from, start);
      out.append(display ? "<span class=\"math display\">" : "<span class=\"math inline\">");
      MathTypesetter.Typeset typeset = typesetter == null ? null : typesetter.typeset(tex, display);
      if (typeset != null && typeset.converted()) {
        out.append(typeset.mathml());
      } else {
        if (typeset != null) {
          warnings.accept("math not typeset (" + typeset.error() + "): " + abbreviated(tex));
        }
        out.append(display ? "\\[" : "\\(");
        escape(tex, out);
        out.append(display ? "\\]" : "\\)");
      }
      out.append("</span>");
      from = end + 1;
      start = html.indexOf(open, from);
    }
    return out.append(html, from, html.length()).toString();
  }

  private static String abbreviated(String tex) {
    String flat = tex.strip().replaceAll("\\s+", " ");
    return flat.length() > 80 ? flat.substring(0, 79) + "…" : flat;
  }

  private static void escape(String tex, StringBuilder out) {
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> out.append(c);
      }
    }
  }
}
