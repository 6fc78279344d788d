package io.octavo.render;

import io.octavo.common.ServiceFailure;
import io.octavo.common.render.Rendered;
import io.octavo.render.math.MathExtension;
import io.octavo.render.math.MathSpans;
import io.octavo.render.math.MathTypesetter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A post's body (Markdown, its front matter already split off) to a post's derived fields.
 * Thread-safe: one instance serves every worker.
 *
 * <p>The pipeline: check limits, parse (CommonMark, GFM, footnotes, math), derive the excerpt, table
 * of contents and word count, render, sanitise, then put the math spans back in (typeset to MathML
 * when a {@link MathTypesetter} is given; its output passes a MathML allow-list of its own).
 */
public final class MarkdownRenderer {
  /** Bump when the HTML for the same source changes: stored posts then re-render in the background. */
  // 3: math carries MathML; 4: TOC entries carry the heading's HTML; 5: given the body only, front
  // matter split off by FrontMatterBlock (a "---" line with no closing one no longer hides the post)
  public static final int VERSION = 5;

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final RenderLimits limits;
  private final MathTypesetter typesetter;

  private MarkdownRenderer(Parser parser, HtmlRenderer renderer, RenderLimits limits, MathTypesetter typesetter) {
    this.parser = parser;
    this.renderer = renderer;
    this.limits = limits;
    this.typesetter = typesetter;
  }

  /** Math as TeX spans only (pandoc without {@code --mathml}): no JavaScript engine is started. */
  public static MarkdownRenderer create() {
    return create(RenderLimits.defaults());
  }

  public static MarkdownRenderer create(RenderLimits limits) {
    return create(limits, null);
  }

  /**
   * The render-service's renderer: math spans also carry MathML made by {@code typesetter}.
   *
   * @param typesetter null for TeX spans only
   */
  public static MarkdownRenderer create(RenderLimits limits, MathTypesetter typesetter) {
    List<Extension> extensions = List.of(
        MathExtension.create(),
        TablesExtension.create(),
        StrikethroughExtension.create(),
        AutolinkExtension.create(),
        TaskListItemsExtension.create(),
        FootnotesExtension.create(),
        HeadingAnchorExtension.create());
    Parser parser = Parser.builder()
        .extensions(extensions)
        .maxOpenBlockParsers(limits.maxNesting())
        .maxInlineNesting(limits.maxNesting())
        .inlineParserFactory(new InlineComplexityGuard(limits.maxDelimitersPerBlock()))
        .build();
    // Markdown's own output is safe by construction once link and image URLs pass the allow-list;
    // raw HTML in the source is what needs the Sanitizer (see render()).
    HtmlRenderer renderer = HtmlRenderer.builder()
        .extensions(extensions)
        .attributeProviderFactory(context -> new SafeUrls()) // percent-encodes, then allow-lists URLs
        .build();
    return new MarkdownRenderer(parser, renderer, limits, typesetter);
  }

  /** The bare pipeline: what commonmark-java alone would output, for benchmarks and comparisons. */
  public static String renderBare(String markdown) {
    return Bare.RENDERER.render(Bare.PARSER.parse(markdown));
  }

  public Rendered render(String markdown) {
    String source = MathSpans.scrub(markdown == null ? "" : markdown);
    limits.checkSize(source);
    try {
      Node document = parser.parse(source);
      Excerpt excerpt = Excerpt.cut(document); // takes the <!-- more --> marker out of the document
      String excerptHtml = excerpt.nodes().stream().map(renderer::render).reduce("", String::concat);
      DocumentFacts facts = DocumentFacts.of(document);
      Set<String> warnings = new LinkedHashSet<>(); // the excerpt repeats the body's first formulas
      String html = safe(renderer.render(document), facts.rawHtml(), warnings);
      return new Rendered(
          html,
          safe(excerptHtml, facts.rawHtml(), warnings),
          excerpt.hasMore(),
          TocHtml.withHtml(facts.toc(), html),
          facts.words(),
          VERSION,
          List.copyOf(warnings));
    } catch (StackOverflowError e) {
      throw ServiceFailure.unprocessable("the Markdown nests too deeply to render");
    }
  }

  /**
   * Text, code and attributes are escaped by the renderer and URLs are allow-listed, so only raw
   * HTML written in the source can carry markup: a post without any skips the sanitiser, which
   * costs more than parsing and rendering together.
   */
  private String safe(String html, boolean rawHtml, Set<String> warnings) {
    return MathSpans.restore(rawHtml ? Sanitizer.clean(MathSpans.shieldForSanitiser(html)) : html,
        typesetter, warnings::add);
  }

  private static final class Bare {
    static final Parser PARSER = Parser.builder().build();
    static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
  }
}
