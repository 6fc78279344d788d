package io.octavo.render.math;

import org.commonmark.node.Block;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Display math on lines of its own: a line that starts with {@code $$} (indented less than four
 * spaces) opens it; the line that ends with {@code $$} closes it, which may be the same line.
 * TeX cannot contain a blank line, so a blank line before the closing {@code $$} ends the block
 * as unclosed text.
 */
final class DisplayMathBlockParser extends AbstractBlockParser {
  private final StringBuilder tex = new StringBuilder();
  private final StringBuilder raw = new StringBuilder();
  private final DisplayMathBlock block = new DisplayMathBlock();
  private boolean closed;

  private DisplayMathBlockParser(String firstLine, String opening) {
    raw.append(opening);
    String rest = firstLine.strip();
    if (rest.endsWith("$$") && rest.length() >= 2) {
      tex.append(rest, 0, rest.length() - 2);
      closed = true;
    } else {
      tex.append(firstLine);
    }
  }

  @Override
  public Block getBlock() {
    return block;
  }

  @Override
  public void closeBlock() {
    block.finish(closed ? tex.toString().strip() : raw.toString(), closed);
  }

  @Override
  public BlockContinue tryContinue(ParserState state) {
    if (closed) {
      return BlockContinue.none();
    }
    if (state.isBlank()) {
      return BlockContinue.none();
    }
    CharSequence content = state.getLine().getContent();
    String line = content.subSequence(state.getIndex(), content.length()).toString();
    raw.append('\n').append(line);
    String stripped = line.strip();
    if (stripped.endsWith("$$")) {
      tex.append('\n').append(stripped, 0, stripped.length() - 2);
      closed = true;
      return BlockContinue.finished();
    }
    tex.append('\n').append(line);
    return BlockContinue.atIndex(content.length());
  }

  static final class Factory extends AbstractBlockParserFactory {
    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
      if (state.getIndent() >= 4) {
        return BlockStart.none();
      }
      CharSequence content = state.getLine().getContent();
      int start = state.getNextNonSpaceIndex();
      if (content.length() < start + 2 || content.charAt(start) != '$' || content.charAt(start + 1) != '$') {
        return BlockStart.none(); // called for every line: decide without allocating
      }
      String line = content.subSequence(start, content.length()).toString();
      String rest = line.substring(2);
      if (!rest.isBlank() && !rest.strip().endsWith("$$")) {
        return BlockStart.none(); // "$$a$$ and more" or "$$ costs": a paragraph, with inline math if any
      }
      return BlockStart.of(new DisplayMathBlockParser(rest, line)).atIndex(content.length());
    }
  }
}
