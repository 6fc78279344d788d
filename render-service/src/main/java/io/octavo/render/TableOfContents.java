package io.octavo.render;

import io.octavo.render.math.InlineMath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Text;

/**
 * Headings h2-h4 as {@code [{"level", "text", "id"}]}, math shown as {@code $TeX$}. Fed every
 * heading in document order, it generates ids with the same generator and text as commonmark's
 * heading-anchor extension, so they equal the ids in the rendered HTML.
 */
final class TableOfContents {
  private final IdGenerator ids = IdGenerator.builder().build();
  private final JsonArray entries = new JsonArray();

  void add(Heading heading) {
    String id = ids.generateId(textOf(heading, false));
    if (heading.getLevel() >= 2 && heading.getLevel() <= 4) {
      entries.add(new JsonObject().put("level", heading.getLevel()).put("text", textOf(heading, true)).put("id", id));
    }
  }

  JsonArray toJson() {
    return entries;
  }

  /** The heading's text; {@code withMath} adds inline TeX, which the anchor extension leaves out of ids. */
  private static String textOf(Heading heading, boolean withMath) {
    StringBuilder text = new StringBuilder();
    heading.accept(new AbstractVisitor() {
      @Override
      public void visit(CustomNode node) {
        if (withMath && node instanceof InlineMath math) {
          text.append('$').append(math.tex()).append('$');
        }
        visitChildren(node);
      }

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
