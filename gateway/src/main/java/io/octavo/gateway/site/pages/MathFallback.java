package io.octavo.gateway.site.pages;

import io.octavo.common.posts.Post;
import java.util.List;

/**
 * Whether a page needs MathJax: the render-service typesets math to MathML, which browsers draw
 * natively; a formula it could not convert stays TeX between {@code \(} {@code \)} or
 * {@code \[} {@code \]} in its span, and only a page showing one loads MathJax for it.
 */
public final class MathFallback {
  private static final String INLINE_TEX = "<span class=\"math inline\">\\(";
  private static final String DISPLAY_TEX = "<span class=\"math display\">\\[";

  private MathFallback() {
  }

  public static boolean needed(String html) {
    return html != null && (html.contains(INLINE_TEX) || html.contains(DISPLAY_TEX));
  }

  /** For a list of posts: any excerpt with TeX left. */
  public static boolean neededByExcerpts(List<Post> posts) {
    return posts.stream().anyMatch(post -> needed(post.excerptHtml()));
  }
}
