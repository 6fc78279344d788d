package io.octavo.render;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;

/** Whether a parsed document contains raw HTML, the only markup the renderer does not escape. */
final class RawHtml {
  private RawHtml() {
  }

  static boolean in(Node document) {
    boolean[] found = {false};
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock block) {
        found[0] = true;
      }

      @Override
      public void visit(HtmlInline inline) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
