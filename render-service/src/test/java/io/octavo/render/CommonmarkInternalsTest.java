package io.octavo.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.api.Test;

/**
 * What Octavo takes from commonmark-java beyond its exported packages, pinned to this version:
 * {@link InlineComplexityGuard} builds on the default inline parser ({@code org.commonmark.internal},
 * not exported by commonmark's module), and {@link SafeUrls} re-implements the renderer's URL
 * percent-encoding. An upgrade that changes either fails here first.
 */
class CommonmarkInternalsTest {
  /** The version these pins were taken with; on an upgrade, rerun this class and then move it. */
  private static final String PINNED = "0.30.0";

  @Test
  void commonmarkIsTheVersionThePinsWereTakenWith() throws Exception {
    Properties pom = new Properties();
    try (InputStream in = Parser.class.getResourceAsStream("/META-INF/maven/org.commonmark/commonmark/pom.properties")) {
      pom.load(in);
    }
    assertThat(pom.getProperty("version"))
        .as("commonmark was upgraded: check InlineComplexityGuard and SafeUrls against it, then update PINNED")
        .isEqualTo(PINNED);
  }

  @Test
  void theGuardedInlineParserRendersEverySpecExampleAsCommonmarkAlone() {
    List<Extension> extensions = List.of(TablesExtension.create());
    Parser plain = Parser.builder().extensions(extensions).build();
    Parser guarded = Parser.builder().extensions(extensions).inlineParserFactory(new InlineComplexityGuard(10_000)).build();
    HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).build();
    List<String> differing = new ArrayList<>();
    for (Example example : ExampleReader.readExamples(CommonmarkInternalsTest.class.getResource("/spec.txt"))) {
      if (!html.render(plain.parse(example.getSource())).equals(html.render(guarded.parse(example.getSource())))) {
        differing.add(example.toString());
      }
    }
    assertThat(differing).isEmpty();
  }

  @Test
  void urlsArePercentEncodedAsTheRenderersPublicOptionDoes() {
    HtmlRenderer encoding = HtmlRenderer.builder().percentEncodeUrls(true).build();
    List<String> urls = new ArrayList<>(List.of(
        "https://example.com/a b", "/caf\u00e9?q=\u00e9t\u00e9#fr", "100%", "%4", "%41%zz%", "a\"b<c>d",
        "https://example.com/~user/(x)[y]{z}", "mailto:a@example.com", "\u4e2d\u6587", "tab\there", "back\\slash|pipe^", "/\uD83D\uDE00"));
    for (Example example : ExampleReader.readExamples(CommonmarkInternalsTest.class.getResource("/spec.txt"))) {
      Parser.builder().build().parse(example.getSource()).accept(new org.commonmark.node.AbstractVisitor() {
        @Override
        public void visit(Link link) {
          urls.add(link.getDestination());
          visitChildren(link);
        }
      });
    }
    for (String url : urls) {
      Link link = new Link(url, null);
      Node paragraph = new org.commonmark.node.Paragraph();
      paragraph.appendChild(link);
      String rendered = encoding.render(paragraph);
      String href = rendered.substring(rendered.indexOf("href=\"") + 6, rendered.indexOf("\">"));
      assertThat(escapeLikeTheRenderer(SafeUrls.percentEncoded(url))).as(url).isEqualTo(href);
    }
  }

  /** The renderer escapes {@code &} in attributes after encoding; the only character left to it. */
  private static String escapeLikeTheRenderer(String url) {
    return url.replace("&", "&amp;");
  }
}
