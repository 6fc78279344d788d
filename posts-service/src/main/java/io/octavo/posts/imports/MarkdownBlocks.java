package io.octavo.posts.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a Markdown body line by line the way the math converters need it: fenced code and HTML
 * blocks pass through untouched, paragraphs (runs of non-blank lines) are handed over whole, and
 * a converter may claim a display block that starts at a block boundary.
 */
abstract class MarkdownBlocks {
  static final Pattern FENCE = Pattern.compile("^(\\s*(?:[-*+]|\\d{1,9}[.)])?\\s*)(`{3,}|~{3,})");
  static final Pattern LIST_ITEM = Pattern.compile("^(\\s*(?:[-*+]|\\d{1,9}[.)])[ \\t]+)");
  private static final Pattern HTML_BLOCK = Pattern.compile("^ {0,3}<(?:div|table|pre|script|style|figure|details|iframe|p|ul|ol|section)\\b",
      Pattern.CASE_INSENSITIVE);

  /** The lines of a display block found at {@code lines[from]}: replacement text and lines consumed, or null. */
  record Display(String text, int consumed) {
  }

  protected final Warnings warnings;

  MarkdownBlocks(Warnings warnings) {
    this.warnings = warnings;
  }

  /** Converts the math of a paragraph (its lines joined with newlines); {@code firstLine} for warnings. */
  abstract String paragraph(String text, int firstLine);

  /** A display block starting at a block boundary on {@code lines[at]}, or null. */
  Display display(String[] lines, int at, int contentStart) {
    return null;
  }

  final String convert(String body) {
    String[] lines = body.split("\n", -1);
    StringBuilder out = new StringBuilder(body.length() + 64);
    List<String> paragraph = new ArrayList<>();
    int paragraphStart = 0;
    boolean boundary = true;
    String fence = null;
    boolean html = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (fence != null) {
        out.append(line).append('\n');
        String stripped = line.strip();
        if (isClosing(stripped, fence)) {
          fence = null;
        }
        continue;
      }
      if (line.isBlank()) {
        flush(paragraph, paragraphStart, out);
        html = false;
        out.append(line).append('\n');
        boundary = true;
        continue;
      }
      if (html) {
        out.append(line).append('\n');
        continue;
      }
      Matcher opening = FENCE.matcher(line);
      if (opening.find()) {
        flush(paragraph, paragraphStart, out);
        fence = opening.group(2);
        out.append(line).append('\n');
        boundary = false;
        continue;
      }
      if (paragraph.isEmpty() && boundary && HTML_BLOCK.matcher(line).find()) {
        html = true; // the engines leave HTML blocks alone, so does the converter
        out.append(line).append('\n');
        continue;
      }
      Matcher item = LIST_ITEM.matcher(line);
      boolean itemStart = item.find();
      int contentStart = itemStart ? item.end() : line.length() - line.stripLeading().length();
      if ((boundary || itemStart) && line.startsWith("$$", contentStart)) {
        Display display = display(lines, i, contentStart);
        if (display != null) {
          flush(paragraph, paragraphStart, out);
          out.append(display.text()).append('\n');
          i += display.consumed() - 1;
          boundary = false;
          continue;
        }
      }
      if (paragraph.isEmpty()) {
        paragraphStart = i;
      }
      paragraph.add(line);
      boundary = false;
    }
    flush(paragraph, paragraphStart, out);
    out.setLength(out.length() - 1); // the split's last line had no newline after it
    return out.toString();
  }

  private void flush(List<String> paragraph, int firstLine, StringBuilder out) {
    if (paragraph.isEmpty()) {
      return;
    }
    out.append(paragraph(String.join("\n", paragraph), firstLine)).append('\n');
    paragraph.clear();
  }

  /** Display math as a block Octavo reads: {@code $$TeX$$} on one line, or fenced by {@code $$} lines. */
  static String displayBlock(String prefix, String tex) {
    String indent = " ".repeat(prefix.length());
    List<String> texLines = new ArrayList<>();
    for (String texLine : tex.strip().split("\n")) {
      if (!texLine.isBlank()) {
        texLines.add(texLine); // TeX has no blank lines in math; Markdown would end the block there
      }
    }
    if (texLines.size() == 1) {
      return prefix + "$$" + texLines.get(0).strip() + "$$";
    }
    StringBuilder block = new StringBuilder(prefix).append("$$");
    for (String texLine : texLines) {
      block.append('\n').append(texLine.startsWith(indent) ? texLine : indent + texLine.stripLeading());
    }
    return block.append('\n').append(indent).append("$$").toString();
  }

  /**
   * {@code \(TeX\)} or {@code \[TeX\]} at {@code at}, written with {@code width - 1} backslashes
   * before each bracket, as inline or display math in pandoc's dialect, its TeX read through
   * {@code tex}. Returns where scanning resumes; an unclosed opener is kept as text.
   */
  static int bracketedMath(StringBuilder out, String text, int at, int width, UnaryOperator<String> tex) {
    boolean display = text.charAt(at + width - 1) == '[';
    int close = text.indexOf("\\".repeat(width - 1) + (display ? "]" : ")"), at + width);
    if (close < 0) {
      out.append(text, at, at + 2);
      return at + 2;
    }
    String math = tex.apply(text.substring(at + width, close)).strip();
    if (display) {
      out.append("$$").append(math).append("$$");
    } else {
      inline(out, math, text, close + width);
    }
    return close + width;
  }

  /** Inline math in pandoc's dialect: {@code $TeX$}, kept from touching a digit after it. */
  static void inline(StringBuilder out, String tex, String text, int after) {
    out.append('$').append(tex).append('$');
    if (after < text.length() && Character.isDigit(text.charAt(after))) {
      out.append("<!-- -->"); // pandoc refuses "$x$5"; an empty comment keeps the digit out
    }
  }

  /**
   * Where scanning resumes after the backticks at {@code at}: past the code span they open, or,
   * when nothing closes it, past the run of backticks alone (CommonMark reads them as text).
   */
  static int codeSpanStop(String text, int at) {
    int end = codeSpanEnd(text, at);
    return end < 0 ? at + runLength(text, at) : end;
  }

  /** The end of the code span that starts at {@code at} (a run of backticks), or -1 when it has none. */
  private static int codeSpanEnd(String text, int at) {
    int run = 0;
    while (at + run < text.length() && text.charAt(at + run) == '`') {
      run++;
    }
    int search = at + run;
    while (search < text.length()) {
      int next = text.indexOf('`', search);
      if (next < 0) {
        return -1;
      }
      int closing = 0;
      while (next + closing < text.length() && text.charAt(next + closing) == '`') {
        closing++;
      }
      if (closing == run) {
        return next + closing;
      }
      search = next + closing;
    }
    return -1;
  }

  /** Whether a stripped line closes the fence: the same character, at least as many. */
  static boolean isClosing(String stripped, String fence) {
    return stripped.length() >= fence.length() && stripped.chars().allMatch(ch -> ch == fence.charAt(0));
  }

  static int runLength(String text, int at) {
    int run = 0;
    while (at + run < text.length() && text.charAt(at + run) == '`') {
      run++;
    }
    return run;
  }
}
