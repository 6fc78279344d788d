package io.octavo.render;

import io.octavo.common.render.Rendered;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown source to a post's derived fields. Thread-safe: one instance serves every worker.
 *
 * <p>The pipeline is parse, derive (excerpt, table of contents, word count), render, make safe.
 * {@link HtmlSafety} is the seam where sanitising plugs in.
 */
public final class MarkdownRenderer {
  /** Bump when the HTML for the same source changes: stored posts then re-render in the background. */
  public static final int VERSION = 1;

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final HtmlSafety safety;

  private MarkdownRenderer(Parser parser, HtmlRenderer renderer, HtmlSafety safety) {
    this.parser = parser;
    this.renderer = renderer;
    this.safety = safety;
  }

  public static MarkdownRenderer create() {
    List<Extension> extensions = List.of(
        YamlFrontMatterExtension.create(), // front matter is metadata, never body text
        TablesExtension.create(),
        StrikethroughExtension.create(),
        AutolinkExtension.create(),
        TaskListItemsExtension.create(),
        FootnotesExtension.create(),
        HeadingAnchorExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    HtmlSafety safety = HtmlSafety.escapeRawHtml();
    HtmlRenderer renderer = safety.configure(HtmlRenderer.builder()
        .extensions(extensions)
        .percentEncodeUrls(true))
        .build();
    return new MarkdownRenderer(parser, renderer, safety);
  }

  public Rendered render(String markdown) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    Excerpt excerpt = Excerpt.cut(document); // takes the <!-- more --> marker out of the document
    String excerptHtml = excerpt.nodes().stream().map(renderer::render).reduce("", String::concat);
    return new Rendered(
        safety.clean(renderer.render(document)),
        safety.clean(excerptHtml),
        excerpt.hasMore(),
        TableOfContents.of(document),
        WordCount.of(document),
        VERSION);
  }
}
