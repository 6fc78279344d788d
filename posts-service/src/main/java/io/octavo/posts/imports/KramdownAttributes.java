package io.octavo.posts.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's attribute lists and extensions, which set classes and ids on the Jekyll page and
 * were never visible there: {@code {: .class}} lines and spans, {@code * TOC} + {@code {:toc}}
 * (Octavo makes its own table of contents), {@code {::comment}}, {@code {::options /}}; heading
 * ids written {@code ## Title {#id}} (also goldmark's heading attributes). Removed lines leave a
 * blank line, so blocks stay apart and line numbers stay true. Fenced code is left alone.
 */
public final class KramdownAttributes {
  private static final Pattern BLOCK_IAL = Pattern.compile("^\\s*\\{:(?!/)[^}]*\\}\\s*$");
  private static final Pattern TOC = Pattern.compile("^\\s*(?:[-*+]|1\\.)\\s+.*\\R\\s*\\{:toc\\}\\s*$", Pattern.MULTILINE);
  private static final Pattern SPAN_IAL = Pattern.compile("\\{:\\s*(?:[#.][^}]*|[\\w-]+=[^}]*|toc)\\}");
  private static final Pattern EXTENSION = Pattern.compile("\\{::(comment|nomarkdown)\\}(.*?)\\{:/(?:\\1)?\\}|\\{::options[^}]*/\\}",
      Pattern.DOTALL);
  private static final Pattern HEADING_ID = Pattern.compile("^(\\s{0,3}#{1,6}\\s.*?)\\s*\\{#[^}\\s]+[^}]*\\}\\s*$");

  private KramdownAttributes() {
  }

  /** {@code kramdown}: false for goldmark, where only heading attributes apply. */
  public static String strip(String body, boolean kramdown, Warnings warnings) {
    if (body.indexOf('{') < 0) {
      return body;
    }
    String text = body;
    int removed = 0;
    if (kramdown) {
      Matcher toc = TOC.matcher(text);
      StringBuilder out = new StringBuilder();
      while (toc.find()) {
        toc.appendReplacement(out, "\n");
        removed++;
      }
      toc.appendTail(out);
      text = out.toString();
      Matcher ext = EXTENSION.matcher(text);
      out = new StringBuilder();
      while (ext.find()) {
        String kept = "nomarkdown".equals(ext.group(1)) ? ext.group(2) : "\n".repeat(count(ext.group(), '\n'));
        ext.appendReplacement(out, Matcher.quoteReplacement(kept));
        removed++;
      }
      ext.appendTail(out);
      text = out.toString();
    }
    String[] lines = text.split("\n", -1);
    String fence = null;
    int firstAt = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher opening = MarkdownBlocks.FENCE.matcher(line);
      if (fence != null) {
        if (MarkdownBlocks.isClosing(line.strip(), fence)) {
          fence = null;
        }
        continue;
      }
      if (opening.find()) {
        fence = opening.group(2);
        continue;
      }
      String before = line;
      Matcher heading = HEADING_ID.matcher(line);
      if (heading.matches()) {
        line = heading.group(1);
      }
      if (kramdown) {
        line = BLOCK_IAL.matcher(line).matches() ? "" : SPAN_IAL.matcher(line).replaceAll("");
      }
      if (!line.equals(before)) {
        removed++;
        firstAt = firstAt < 0 ? i : firstAt;
        lines[i] = line;
      }
    }
    if (removed > 0) {
      warnings.at(Math.max(firstAt, 0), "removed " + removed + " kramdown attribute list(s) and heading id(s)"
          + " ({: ...}, {:toc}, {#id}); Octavo sets ids and the table of contents itself");
    }
    return String.join("\n", lines);
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }
}
