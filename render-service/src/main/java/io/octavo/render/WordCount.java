package io.octavo.render;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/** Words a reader reads: prose and code, not markup. */
final class WordCount {
  private WordCount() {
  }

  static int of(Node document) {
    int[] words = {0};
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        words[0] += count(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        words[0] += count(code.getLiteral());
      }

      @Override
      public void visit(FencedCodeBlock block) {
        words[0] += count(block.getLiteral());
      }

      @Override
      public void visit(IndentedCodeBlock block) {
        words[0] += count(block.getLiteral());
      }
    });
    return words[0];
  }

  static int count(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c <= ' ' ? (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
          : c >= 0x80 && Character.isWhitespace(c);
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }
}
