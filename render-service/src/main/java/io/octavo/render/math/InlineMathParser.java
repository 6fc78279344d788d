package io.octavo.render.math;

import java.util.Set;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Inline math with pandoc's {@code tex_math_dollars} rules: an opening {@code $} is not followed
 * by white space, a closing {@code $} is not preceded by white space nor followed by a digit, so
 * {@code $5 and $10} stays text. {@code $$...$$} is display math. Inside, a backslash and the
 * character after it are TeX, so {@code \$} never closes. A {@code \$} outside math is
 * commonmark's own backslash escape: a literal dollar. The scan never leaves the paragraph, so a
 * blank line ends the attempt.
 */
final class InlineMathParser implements InlineContentParser {

  static final class Factory implements InlineContentParserFactory {
    @Override
    public Set<Character> getTriggerCharacters() {
      return Set.of('$');
    }

    @Override
    public InlineContentParser create() {
      return new InlineMathParser();
    }
  }

  @Override
  public ParsedInline tryParse(InlineParserState state) {
    Scanner scanner = state.scanner();
    scanner.next(); // the opening $
    boolean display = scanner.next('$');
    if (!display && (scanner.peek() == Scanner.END || isWhitespace(scanner.peekCodePoint()))) {
      return ParsedInline.none();
    }
    Position contentStart = scanner.position();
    while (scanner.hasNext()) {
      char c = scanner.peek();
      if (c == '\\') {
        scanner.next();
        if (scanner.hasNext()) {
          scanner.next();
        }
      } else if (c == '$') {
        int before = scanner.peekPreviousCodePoint();
        Position contentEnd = scanner.position();
        scanner.next();
        if (display) {
          if (scanner.next('$')) {
            String tex = scanner.getSource(contentStart, contentEnd).getContent();
            return tex.isBlank() ? ParsedInline.none() : ParsedInline.of(new InlineMath(tex, true), scanner.position());
          }
        } else if (!isWhitespace(before) && !isDigit(scanner.peek())) {
          String tex = scanner.getSource(contentStart, contentEnd).getContent();
          return ParsedInline.of(new InlineMath(tex, false), scanner.position());
        }
      } else {
        scanner.next();
      }
    }
    return ParsedInline.none();
  }

  private static boolean isWhitespace(int codePoint) {
    return Character.isWhitespace(codePoint) || codePoint == '\u00a0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
