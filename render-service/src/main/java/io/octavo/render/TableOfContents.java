package io.octavo.render;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Headings h2-h4 as {@code [{"level", "text", "id"}]}. The ids are generated over every heading in
 * document order with the same generator and text as commonmark's heading-anchor extension, so
 * they equal the ids in the rendered HTML.
 */
final class TableOfContents {
  private TableOfContents() {
  }

  static JsonArray of(Node document) {
    IdGenerator ids = IdGenerator.builder().build();
    JsonArray toc = new JsonArray();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        String text = textOf(heading);
        String id = ids.generateId(text);
        if (heading.getLevel() >= 2 && heading.getLevel() <= 4) {
          toc.add(new JsonObject().put("level", heading.getLevel()).put("text", text).put("id", id));
        }
      }
    });
    return toc;
  }

  private static String textOf(Heading heading) {
    StringBuilder text = new StringBuilder();
    heading.accept(new AbstractVisitor() {
      @Override
      public void visit(Text node) {
        text.append(node.getLiteral());
      }

      @Override
      public void visit(Code node) {
        text.append(node.getLiteral());
      }
    });
    return text.toString().trim();
  }
}
