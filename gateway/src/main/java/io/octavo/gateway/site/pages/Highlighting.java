package io.octavo.gateway.site.pages;

import io.octavo.common.posts.Post;
import java.util.List;

/** Whether a page shows a code block: only then does it load highlight.js and its styles (43 KB gzipped). */
public final class Highlighting {
  private static final String CODE_BLOCK = "<pre><code";

  private Highlighting() {
  }

  public static boolean needed(String html) {
    return html != null && html.contains(CODE_BLOCK);
  }

  public static boolean neededByExcerpts(List<Post> posts) {
    return posts.stream().anyMatch(post -> needed(post.excerptHtml()));
  }
}
