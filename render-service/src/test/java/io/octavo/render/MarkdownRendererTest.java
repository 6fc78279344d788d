package io.octavo.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.FrontMatterBlock;
import io.octavo.common.render.RenderRequest;
import io.octavo.common.render.Rendered;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownRenderer renderer = MarkdownRenderer.create();

  @Test
  void fencedCodeCarriesItsLanguageClass() {
    Rendered out = renderer.render("```python\nprint('hi')\n```\n");
    assertThat(out.html()).isEqualTo("<pre><code class=\"language-python\">print('hi')\n</code></pre>\n");
  }

  @Test
  void excerptIsWhatPrecedesTheMoreMarker() {
    Rendered out = renderer.render("Intro one.\n\nIntro two.\n\n<!-- more -->\n\nThe rest.\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>Intro one.</p>\n<p>Intro two.</p>\n");
    assertThat(out.hasMore()).isTrue();
    assertThat(out.html()).doesNotContain("more").contains("<p>The rest.</p>");
  }

  @Test
  void hugoStyleMarkerWithoutSpacesCountsToo() {
    Rendered out = renderer.render("Intro.\n\n<!--more-->\n\nRest.\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>Intro.</p>\n");
    assertThat(out.hasMore()).isTrue();
  }

  @Test
  void withoutMarkerTheExcerptIsTheFirstParagraph() {
    Rendered out = renderer.render("# Title\n\nFirst *para*.\n\nSecond.\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>First <em>para</em>.</p>\n");
    assertThat(out.hasMore()).isTrue();
  }

  @Test
  void aTitleHeadingAndOneParagraphHaveNoMore() {
    Rendered out = renderer.render("# Title\n\nOnly paragraph.\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>Only paragraph.</p>\n");
    assertThat(out.hasMore()).isFalse();
  }

  @Test
  void aSingleParagraphPostHasNoMore() {
    Rendered out = renderer.render("Just this.\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>Just this.</p>\n");
    assertThat(out.hasMore()).isFalse();
  }

  @Test
  void aRequestFromBeforeTheSplitHasItsFrontMatterTakenOff() {
    String body = RenderRequest.fromJson(new JsonObject().put("markdown", "+++\ntitle = \"Hello\"\n+++\nBody.\n")).body();
    Rendered out = renderer.render(body);
    assertThat(out.html()).isEqualTo("<p>Body.</p>\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>Body.</p>\n");
  }

  @Test
  void aPostOpeningWithARuleAndNoClosingLineIsShownNotSwallowedAsFrontMatter() {
    Rendered out = renderer.render(FrontMatterBlock.bodyOf("---\nFirst words.\n\nSecond paragraph.\n"));
    assertThat(out.html()).contains("First words.").contains("<p>Second paragraph.</p>");
  }

  @Test
  void tableOfContentsIdsMatchTheHeadingIdsInTheHtml() {
    Rendered out = renderer.render("# Top\n\n## Setup\n\n### Install `mvn`\n\n## Setup\n\n##### Deep\n");
    assertThat(out.toc()).hasSize(3);
    for (Object entry : out.toc()) {
      JsonObject heading = (JsonObject) entry;
      assertThat(out.html()).contains("<h" + heading.getInteger("level") + " id=\"" + heading.getString("id") + "\"");
    }
    assertThat(out.toc().getJsonObject(0).getString("id")).isNotEqualTo(out.toc().getJsonObject(2).getString("id"));
    assertThat(out.toc().getJsonObject(1).getString("text")).isEqualTo("Install mvn");
  }

  @Test
  void gfmTablesStrikethroughAndTaskListsRender() {
    Rendered out = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n");
    assertThat(out.html()).contains("<table>", "<td>1</td>", "<del>old</del>", "type=\"checkbox\"");
  }

  @Test
  void scriptsHandlersAndScriptUrlsNeverReachThePage() {
    Rendered out = renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n");
    assertThat(out.html()).doesNotContain("<script", "javascript:", "onerror").contains("<img src=\"x\"");
  }

  @Test
  void safeInlineHtmlIsKept() {
    Rendered out = renderer.render("Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O.\n");
    assertThat(out.html()).isEqualTo("<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O.</p>\n");
  }

  @Test
  void wordCountAndReadingTimeCountProseAndCode() {
    Rendered out = renderer.render("one two three\n\n```\nfour five\n```\n");
    assertThat(out.wordCount()).isEqualTo(5);
    assertThat(out.readingTimeMinutes()).isEqualTo(1);
    assertThat(renderer.render("word ".repeat(1000)).readingTimeMinutes()).isEqualTo(5);
  }
}
