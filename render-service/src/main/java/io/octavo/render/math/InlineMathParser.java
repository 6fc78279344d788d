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
 * by white space; white space inside is never followed by a {@code $}; the closing {@code $} is
 * not followed by a digit, or the attempt fails. So {@code $5 and $10} stays text and in
 * {@code costs $5 and the $x$} only {@code $x$} is math, exactly as pandoc reads them.
 * {@code $$...$$} is display math. Inside, a backslash and the character after it are TeX, so
 * {@code \$} never closes, and {@code \text{...}} may hold dollars. A {@code \$} outside math is
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
        if (!display && scanner.next("text{")) {
          skipBalancedBraces(scanner); // pandoc: \text{...} may contain $
        } else if (scanner.hasNext()) {
          scanner.next();
        }
      } else if (!display && isWhitespace(c)) {
        while (scanner.hasNext() && isWhitespace(scanner.peek())) {
          scanner.next(); // also U+3000 and U+00A0, which Scanner.whitespace() would not move past
        }
        if (scanner.peek() == '$') {
          return ParsedInline.none(); // pandoc: white space before a closing $ ends the attempt
        }
      } else if (c == '$') {
        Position contentEnd = scanner.position();
        scanner.next();
        if (display) {
          if (scanner.next('$')) {
            String tex = scanner.getSource(contentStart, contentEnd).getContent();
            return tex.isBlank() ? ParsedInline.none() : ParsedInline.of(new InlineMath(tex, true), scanner.position());
          }
        } else {
          if (isDigit(scanner.peek())) {
            return ParsedInline.none(); // "$x$5": pandoc gives up rather than look further
          }
          String tex = scanner.getSource(contentStart, contentEnd).getContent();
          return ParsedInline.of(new InlineMath(tex, false), scanner.position());
        }
      } else {
        scanner.next();
      }
    }
    return ParsedInline.none();
  }

  /** After {@code \text{}: to the brace that closes it (nested braces counted), or the end. */
  private static void skipBalancedBraces(Scanner scanner) {
    int depth = 1;
    while (scanner.hasNext() && depth > 0) {
      char c = scanner.peek();
      if (c == '\\') {
        scanner.next();
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      if (scanner.hasNext()) {
        scanner.next();
      }
    }
  }

  private static boolean isWhitespace(int codePoint) {
    return Character.isWhitespace(codePoint) || codePoint == '\u00a0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
