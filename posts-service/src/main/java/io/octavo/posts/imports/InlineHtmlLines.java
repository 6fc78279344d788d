package io.octavo.posts.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line holding only an inline HTML tag ({@code <img src=... width="30%">}) followed by text: pandoc
 * and kramdown read it as part of a paragraph, CommonMark as an HTML block that swallows the lines
 * after it, math included. An empty comment after the tag keeps it inline, as its engine had it.
 */
final class InlineHtmlLines {
  private static final Pattern ALONE = Pattern.compile(
      "^ {0,3}</?(img|a|span|br|em|strong|b|i|u|sub|sup|code|kbd|font|small|mark|abbr|del|ins|s|q|cite)\\b[^<>]*>\\s*$",
      Pattern.CASE_INSENSITIVE);

  private InlineHtmlLines() {
  }

  static String keepInline(String body) {
    if (body.indexOf('<') < 0) {
      return body;
    }
    String[] lines = body.split("\n", -1);
    String fence = null;
    for (int i = 0; i < lines.length - 1; i++) {
      Matcher opening = MarkdownBlocks.FENCE.matcher(lines[i]);
      if (fence != null) {
        fence = MarkdownBlocks.isClosing(lines[i].strip(), fence) ? null : fence;
      } else if (opening.find()) {
        fence = opening.group(2);
      } else if (ALONE.matcher(lines[i]).matches() && !lines[i + 1].isBlank()) {
        lines[i] = lines[i].stripTrailing() + "<!-- -->";
      }
    }
    return String.join("\n", lines);
  }
}
