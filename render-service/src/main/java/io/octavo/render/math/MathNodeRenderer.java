package io.octavo.render.math;

import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Writes math the pandoc way: {@code <span class="math inline">\(TeX\)</span>} and
 * {@code <span class="math display">\[TeX\]</span>}. The span is written as a placeholder that
 * {@link MathSpans#restore} turns into HTML after sanitising, so the sanitiser never re-encodes
 * the TeX: it stays byte for byte, with only {@code <}, {@code >} and {@code &} escaped.
 */
final class MathNodeRenderer implements NodeRenderer {
  private final HtmlWriter html;

  MathNodeRenderer(HtmlNodeRendererContext context) {
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(InlineMath.class, DisplayMathBlock.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof InlineMath math) {
      html.raw(MathSpans.placeholder(math.tex(), math.display()));
    } else if (node instanceof DisplayMathBlock block) {
      html.line();
      html.tag("p");
      if (block.closed()) {
        html.raw(MathSpans.placeholder(block.tex(), true));
      } else {
        html.text(block.tex());
      }
      html.tag("/p");
      html.line();
    }
  }

}
