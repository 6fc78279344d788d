package io.octavo.render;

import io.octavo.common.ServiceFailure;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * Refuses inline content that would make commonmark-java's inline parser quadratic: thousands of
 * brackets or emphasis marks in one paragraph (as in cmark's pathological tests) take seconds.
 * Counting happens per paragraph, heading or table cell, exactly the text about to be inline
 * parsed, so code blocks of any size are never counted. The limit is far above real prose.
 */
final class InlineComplexityGuard implements InlineParserFactory {
  private final int maxDelimiters;

  InlineComplexityGuard(int maxDelimiters) {
    this.maxDelimiters = maxDelimiters;
  }

  @Override
  public InlineParser create(InlineParserContext context) {
    // commonmark's own inline parser: a public class in a package its module does not export, and
    // the only way to wrap it (Parser.Builder keeps its default factory private). Octavo's one use
    // of commonmark internals; CommonmarkInternalsTest pins it to this commonmark version.
    InlineParser parser = new InlineParserImpl(context);
    return (lines, block) -> {
      check(lines);
      parser.parse(lines, block);
    };
  }

  private void check(SourceLines lines) {
    int length = 0;
    for (SourceLine line : lines.getLines()) {
      length += line.getContent().length();
    }
    if (length <= maxDelimiters) {
      return; // cannot hold too many: the common case costs one pass over the line lengths
    }
    int delimiters = 0;
    for (SourceLine line : lines.getLines()) {
      CharSequence content = line.getContent();
      for (int i = 0; i < content.length(); i++) {
        switch (content.charAt(i)) {
          case '[', ']', '*', '_', '`', '<', '~', '$' -> delimiters++;
          default -> {
            continue;
          }
        }
        if (delimiters > maxDelimiters) {
          throw ServiceFailure.unprocessable("a paragraph has more than " + maxDelimiters
              + " brackets, emphasis marks or dollars, which would take too long to render;"
              + " split it with blank lines");
        }
      }
    }
  }

}
