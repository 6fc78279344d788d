package io.octavo.render.math;

/**
 * TeX that MathJax accepts and Temml (like LaTeX) refuses, rewritten to what both read the same:
 * a command with its arguments as a bare sub- or superscript ({@code x_\max}, {@code Q^\vec{\mu}})
 * gets braces, and a bare {@code _} inside {@code \text{...}} is escaped. Tried only when Temml
 * refused the TeX as written, so a formula that converts is never touched. Found on a real blog
 * (docs/benchmarks.md): these were most of what Temml could not convert.
 */
final class MathJaxForms {
  private MathJaxForms() {
  }

  /** The rewritten TeX, or the same string when there is nothing to rewrite. */
  static String relax(String tex) {
    return escapeUnderscoresInText(braceCommandScripts(tex));
  }

  /** {@code _\cmd{a}{b}} to {@code _{\cmd{a}{b}}}: a script that is one command and its brace groups. */
  private static String braceCommandScripts(String tex) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i + 2 < tex.length(); i++) {
      char c = tex.charAt(i);
      if ((c == '_' || c == '^') && (i == 0 || tex.charAt(i - 1) != '\\') && tex.charAt(i + 1) == '\\'
          && Character.isLetter(tex.charAt(i + 2))) {
        int end = i + 2;
        while (end < tex.length() && Character.isLetter(tex.charAt(end))) {
          end++;
        }
        int group;
        while ((group = braceGroupEnd(tex, end)) > 0) {
          end = group;
        }
        if (out == null) {
          out = new StringBuilder(tex.length() + 8);
        }
        out.append(tex, copied, i + 1).append('{').append(tex, i + 1, end).append('}');
        copied = end;
        i = end - 1;
      }
    }
    return out == null ? tex : out.append(tex, copied, tex.length()).toString();
  }

  /** Where the brace group starting at {@code start} ends (exclusive), or -1 when none starts there. */
  private static int braceGroupEnd(String tex, int start) {
    if (start >= tex.length() || tex.charAt(start) != '{') {
      return -1;
    }
    int depth = 0;
    for (int i = start; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /** {@code \text{a_b}} to {@code \text{a\_b}}. */
  private static String escapeUnderscoresInText(String tex) {
    int at = tex.indexOf("\\text{");
    if (at < 0) {
      return tex;
    }
    StringBuilder out = new StringBuilder(tex.length() + 8);
    int copied = 0;
    while (at >= 0) {
      int open = at + "\\text".length();
      int end = braceGroupEnd(tex, open);
      if (end < 0) {
        break;
      }
      out.append(tex, copied, open);
      for (int i = open; i < end; i++) {
        char c = tex.charAt(i);
        if (c == '\\' && i + 1 < end) {
          out.append(c).append(tex.charAt(++i));
        } else if (c == '_') {
          out.append("\\_");
        } else {
          out.append(c);
        }
      }
      copied = end;
      at = tex.indexOf("\\text{", end);
    }
    return out.append(tex, copied, tex.length()).toString();
  }
}
