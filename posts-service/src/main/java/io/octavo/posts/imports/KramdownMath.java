package io.octavo.posts.imports;

/**
 * kramdown's math (Jekyll's default, {@code math_engine: mathjax}) into pandoc's dialect.
 * kramdown has one delimiter, {@code $$}: a {@code $$...$$} that starts at a block boundary (after
 * a blank line, first in a list item) and ends one is display math; anywhere else it is inline.
 * {@code \\(...\\)} and {@code \\[...\\]} reach MathJax as {@code \(...\)} and {@code \[...\]}
 * once kramdown has undone its escapes, so they are math too. A single {@code $} is text: it is
 * escaped so that Octavo does not pair it.
 */
public final class KramdownMath extends MarkdownBlocks {
  /** kramdown's escapable characters: a backslash before one of these is dropped. */
  private static final String ESCAPED = "\\.*_+-`()[]{}#!:|\"'=<>$";

  public KramdownMath(Warnings warnings) {
    super(warnings);
  }

  public static String convert(String body, Warnings warnings) {
    return body.contains("$") || body.contains("\\\\") ? new KramdownMath(warnings).convert(body) : body;
  }

  @Override
  Display display(String[] lines, int at, int contentStart) {
    String first = lines[at];
    int searchLine = at;
    int from = contentStart + 2;
    StringBuilder tex = new StringBuilder();
    while (searchLine < lines.length) {
      String line = lines[searchLine];
      int close = line.indexOf("$$", from);
      if (close >= 0) {
        tex.append(line, from, close);
        if (!line.substring(close + 2).isBlank()) {
          return null; // "$$a$$ and text": a paragraph with inline math
        }
        boolean endsBlock = searchLine + 1 >= lines.length || lines[searchLine + 1].isBlank()
            || LIST_ITEM.matcher(lines[searchLine + 1]).find();
        if (!endsBlock || tex.toString().isBlank()) {
          return null;
        }
        return new Display(displayBlock(first.substring(0, contentStart), tex.toString()), searchLine - at + 1);
      }
      tex.append(line.substring(Math.min(from, line.length()))).append('\n');
      searchLine++;
      from = 0;
    }
    return null;
  }

  /**
   * A paragraph whose first line has a pipe is a table in kramdown, whatever else it holds, and
   * its cells are split before math is looked for: each cell is converted on its own.
   */
  @Override
  String paragraph(String text, int firstLine) {
    int newline = text.indexOf('\n');
    if (pipeAt(text.substring(0, newline < 0 ? text.length() : newline), 0) < 0) {
      return inlineMath(text);
    }
    StringBuilder table = new StringBuilder();
    for (String row : text.split("\n", -1)) {
      int from = 0;
      for (int pipe = pipeAt(row, 0); pipe >= 0; pipe = pipeAt(row, from)) {
        table.append(inlineMath(row.substring(from, pipe))).append('|');
        from = pipe + 1;
      }
      table.append(inlineMath(row.substring(from))).append('\n');
    }
    return table.substring(0, table.length() - 1);
  }

  /** The next unescaped pipe outside code spans, or -1. */
  private static int pipeAt(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '`') {
        i = codeSpanStop(line, i) - 1;
      } else if (c == '|') {
        return i;
      }
    }
    return -1;
  }

  private String inlineMath(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '`') {
        int stop = codeSpanStop(text, i);
        out.append(text, i, stop);
        i = stop;
      } else if (c == '\\' && (text.startsWith("\\\\(", i) || text.startsWith("\\\\[", i))) {
        i = bracketedMath(out, text, i, 3, KramdownMath::unescape);
      } else if (c == '\\' && i + 1 < text.length() && ESCAPED.indexOf(text.charAt(i + 1)) >= 0) {
        out.append(text, i, i + 2);
        i += 2;
      } else if (c == '$' && text.startsWith("$$", i)) {
        int close = text.indexOf("$$", i + 2);
        String tex = close < 0 ? "" : text.substring(i + 2, close).strip();
        if (tex.isEmpty()) {
          out.append("\\$\\$");
          i += 2;
          continue;
        }
        inline(out, tex, text, close + 2);
        i = close + 2;
      } else if (c == '$') {
        out.append("\\$");
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** What MathJax reads from {@code \\(...\\)} after kramdown: its escapes undone. */
  private static String unescape(String tex) {
    StringBuilder out = new StringBuilder(tex.length());
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '\\' && i + 1 < tex.length() && ESCAPED.indexOf(tex.charAt(i + 1)) >= 0) {
        out.append(tex.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
