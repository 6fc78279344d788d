package io.octavo.render.math;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Math travels through the sanitiser as placeholders: two private-use characters around the TeX
 * in base64url, which no sanitiser alters. Sources are stripped of those two characters first, so
 * only the renderer can write a placeholder, and only in text (never in an attribute).
 */
public final class MathSpans {
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';

  private MathSpans() {
  }

  /** The source with the placeholder characters replaced, so no one else can forge one. */
  public static String scrub(String markdown) {
    return markdown.indexOf(OPEN) < 0 && markdown.indexOf(CLOSE) < 0 ? markdown
        : markdown.replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
  }

  static String placeholder(String tex, boolean display) {
    return OPEN + (display ? "d" : "i")
        + Base64.getUrlEncoder().withoutPadding().encodeToString(tex.getBytes(StandardCharsets.UTF_8)) + CLOSE;
  }

  /** Replaces every placeholder with its span; the TeX is escaped for {@code <}, {@code >}, {@code &} only. */
  public static String restore(String html) {
    int open = html.indexOf(OPEN);
    if (open < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length() + 64);
    int from = 0;
    while (open >= 0) {
      int close = html.indexOf(CLOSE, open);
      if (close < 0 || close < open + 2) {
        break;
      }
      boolean display = html.charAt(open + 1) == 'd';
      String tex = new String(Base64.getUrlDecoder().decode(html.substring(open + 2, close)), StandardCharsets.UTF_8);
      out.append(html, from, open);
      out.append(display ? "<span class=\"math display\">\\[" : "<span class=\"math inline\">\\(");
      escape(tex, out);
      out.append(display ? "\\]</span>" : "\\)</span>");
      from = close + 1;
      open = html.indexOf(OPEN, from);
    }
    return out.append(html, from, html.length()).toString();
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
