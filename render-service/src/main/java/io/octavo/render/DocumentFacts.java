package io.octavo.render;

import io.vertx.core.json.JsonArray;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * What one walk over the parsed document learns: the table of contents, the words a reader reads
 * (prose and code, not markup or math), and whether the source holds raw HTML, the only markup the
 * renderer does not escape.
 */
record DocumentFacts(JsonArray toc, int words, boolean rawHtml) {

  static DocumentFacts of(Node document) {
    TableOfContents toc = new TableOfContents();
    int[] words = {0};
    boolean[] rawHtml = {false};
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        toc.add(heading);
        visitChildren(heading);
      }

      @Override
      public void visit(Text text) {
        words[0] += WordCount.count(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        words[0] += WordCount.count(code.getLiteral());
      }

      @Override
      public void visit(FencedCodeBlock block) {
        words[0] += WordCount.count(block.getLiteral());
      }

      @Override
      public void visit(IndentedCodeBlock block) {
        words[0] += WordCount.count(block.getLiteral());
      }

      @Override
      public void visit(HtmlBlock block) {
        rawHtml[0] = true;
      }

      @Override
      public void visit(HtmlInline inline) {
        rawHtml[0] = true;
      }
    });
    return new DocumentFacts(toc.toJson(), words[0], rawHtml[0]);
  }
}
