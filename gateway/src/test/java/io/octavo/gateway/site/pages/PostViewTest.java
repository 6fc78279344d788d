package io.octavo.gateway.site.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.Post;
import io.octavo.common.testing.TestPost;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What a post's page adds for readers, link previews and search engines. */
class PostViewTest {
  private static final Site SITE = new Site("Blog", "A blog", "https://blog.example.org");

  private static Post post(String title, String html, String excerptHtml, JsonObject meta) {
    return TestPost.titled(title).slug("a-post").markdown("").with("html", html).with("excerpt_html", excerptHtml)
        .with("has_more", true).tags("x").with("updated_at", "2026-01-02T00:00:00Z").with("word_count", 10)
        .with("meta", meta).build();
  }

  @Test
  void aFirstHeadingThatRepeatsTheTitleIsCut() {
    PostView view = PostView.of(post("Hello", "<h1 id=\"hello\">Hello</h1>\n<p>Body</p>\n", "<p>Body</p>", null), SITE);
    assertThat(view.body()).isEqualTo("<p>Body</p>\n");
  }

  @Test
  void aFirstHeadingWithOtherWordsStays() {
    String html = "<h1 id=\"intro\">Introduction</h1>\n<p>Body</p>\n";
    assertThat(PostView.of(post("Hello", html, "<p>Body</p>", null), SITE).body()).isEqualTo(html);
  }

  @Test
  void theDescriptionFieldWinsOverTheExcerpt() {
    Post described = Post.fromJson(post("T", "<p>x</p>", "<p>The excerpt.</p>", null).toJson().put("description", "Mine."));
    PostView view = PostView.of(described, SITE);
    assertThat(view.description()).isEqualTo("Mine.");
  }

  @Test
  void theDescriptionIsTheExcerptsWordsWithMathAsTex() {
    String excerpt = "<p>Energy <span class=\"math inline\"><math><semantics><mi>E</mi>"
        + "<annotation encoding=\"application/x-tex\">E = mc^2</annotation></semantics></math></span> and <em>more</em>.</p>";
    assertThat(PostView.of(post("T", "", excerpt, null), SITE).description()).isEqualTo("Energy E = mc^2 and more.");
  }

  @Test
  void longDescriptionsAreCutAtAWord() {
    String excerpt = "<p>" + "word ".repeat(100) + "</p>";
    String description = PostView.of(post("T", "", excerpt, null), SITE).description();
    assertThat(description).hasSizeLessThanOrEqualTo(201).endsWith("word…");
  }

  @Test
  void jsonLdCannotCloseItsScriptElement() {
    PostView view = PostView.of(post("</script><script>alert(1)</script>", "<p>x</p>", "<p>x</p>", null), SITE);
    assertThat(view.jsonLd()).doesNotContain("<", ">");
    assertThat(new JsonObject(view.jsonLd()).getString("headline")).isEqualTo("</script><script>alert(1)</script>");
  }

  @Test
  void onlyAPageWithTexLeftNeedsMathJax() {
    assertThat(MathFallback.needed("<span class=\"math inline\"><math></math></span>")).isFalse();
    assertThat(MathFallback.needed("<span class=\"math inline\">\\(\\foo\\)</span>")).isTrue();
    assertThat(MathFallback.needed("<span class=\"math display\">\\[\\foo\\]</span>")).isTrue();
  }
}
