package io.octavo.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A posts-service of the previous release (schema V11) writing beside this one during a rolling
 * upgrade, as plain SQL: it inserts posts without a body and changes markdown alone. Readers of
 * this release still search, snippet and render the post's current body.
 */
class PreviousReleaseWriterTest {
  private static PostsClient posts;

  @BeforeAll
  static void start() {
    posts = SharedPostsService.client();
  }

  @Test
  void aPostInsertedWithoutABodyIsSearchedAndRenderedWithoutItsFrontMatter() throws Exception {
    try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("""
        INSERT INTO posts (slug, title, markdown, status, published_at)
        VALUES ('old-writer-insert', 'Old writer', ?, 'published', now())""")) {
      insert.setString(1, "---\ntitle: Old writer\nkeywords: quokkaish\n---\nAardvarks dig at dusk.\n");
      insert.executeUpdate();
    }
    assertThat(hits("aardvarks")).extracting(PostReplies.SearchHit::slug).containsExactly("old-writer-insert");
    assertThat(hits("aardvarks").get(0).snippetHtml()).contains("<mark>Aardvarks</mark>").doesNotContain("keywords");
    assertThat(hits("quokkaish")).isEmpty();
    assertThat(renderedHtml("old-writer-insert", "Aardvarks")).doesNotContain("keywords").doesNotContain("---");
  }

  @Test
  void aMarkdownOnlyUpdateIsSearchedAndRenderedWithItsNewBody() throws Exception {
    posts.create(PostInput.builder("---\ntitle: Old update\n---\nBadgers sleep all day.\n").build()).await();
    try (Connection db = connect(); PreparedStatement update = db.prepareStatement("""
        UPDATE posts SET markdown = ?, version = version + 1, renderer_version = NULL
         WHERE slug = 'old-update'""")) {
      update.setString(1, "---\ntitle: Old update\n---\nCapybaras bathe at noon.\n");
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    assertThat(hits("capybaras")).extracting(PostReplies.SearchHit::slug).containsExactly("old-update");
    assertThat(hits("capybaras").get(0).snippetHtml()).doesNotContain("Badgers").doesNotContain("title");
    assertThat(hits("badgers")).isEmpty();
    assertThat(renderedHtml("old-update", "Capybaras")).doesNotContain("Badgers").doesNotContain("title:");

    // a write of this release after it splits the body again
    Post current = found("old-update");
    posts.update(new PostRequests.Update("old-update", current.version(),
        PostInput.builder("---\ntitle: Old update\n---\nDolphins leap.\n").build())).await();
    assertThat(hits("dolphins")).extracting(PostReplies.SearchHit::slug).containsExactly("old-update");
    assertThat(hits("capybaras")).isEmpty();
  }

  private static List<PostReplies.SearchHit> hits(String query) {
    return posts.search(new PostRequests.Search(query, 10, null, true)).await().items();
  }

  private static Post found(String slug) {
    return ((PostLookup.Found) posts.get(new PostRequests.Get(slug, true)).await()).post();
  }

  /** The post's HTML once the render job has rendered it with {@code words} in it. */
  private static String renderedHtml(String slug, String words) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      String html = found(slug).html();
      if (html != null && html.contains(words)) {
        return html;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(slug + " was not rendered with '" + words + "': " + found(slug).html());
  }

  private static Connection connect() throws SQLException {
    var database = SharedPostsService.database();
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
