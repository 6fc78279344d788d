package io.octavo.render.math;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** LaTeX math for commonmark-java: {@code $inline$}, {@code $$display$$}, and display blocks. */
public final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

  private MathExtension() {
  }

  public static MathExtension create() {
    return new MathExtension();
  }

  @Override
  public void extend(Parser.Builder parser) {
    parser.customBlockParserFactory(new DisplayMathBlockParser.Factory());
    parser.customInlineContentParserFactory(new InlineMathParser.Factory());
  }

  @Override
  public void extend(HtmlRenderer.Builder renderer) {
    renderer.nodeRendererFactory(MathNodeRenderer::new);
  }
}
