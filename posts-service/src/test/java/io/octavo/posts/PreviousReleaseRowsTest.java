package io.octavo.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.config.PgSettings;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.testing.TestPostgres;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Posts as the previous release (schema V11) stored them, then this release started on the same
 * database: what an export and a reader get from them.
 */
class PreviousReleaseRowsTest {
  private static final String LONG = "A description that goes on and on. ".repeat(40).strip();
  private static Vertx vertx;
  private static PostsClient posts;

  @BeforeAll
  static void upgrade() throws SQLException {
    PgSettings database = TestPostgres.freshDatabase(PreviousReleaseRowsTest.class);
    Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
        .locations("classpath:db/migration").target("11").load().migrate();
    try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      // API writes kept every front-matter key in the Markdown only: meta was {}
      insert(db, "api-written", "---\ntitle: Written\ndescription: A short summary\nmood: calm\n"
          + "links:\n  - a\n  - b\n---\nText.\n", "{}");
      // imports kept the description in meta, and stored the body without front matter
      insert(db, "imported-short", "Imported text.\n", "{\"description\": \"Fits the column.\", \"layout\": \"post\"}");
      insert(db, "imported-long", "Imported text.\n", "{\"description\": \"" + LONG + "\"}");
      insert(db, "nameless-key", "---\ntitle: Nameless\n~: nothing\nmood: stormy\n---\nText.\n", "{}");
    }
    vertx = Vertx.vertx();
    new FakeRenderService(vertx).start();
    PostsService.deploy(Node.of(vertx, Metrics.newRegistry(), Map.of()),
        new PostsSettings(database, 2, Duration.ofSeconds(5), Duration.ofMillis(200))).await();
    posts = new PostsClient(vertx, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void anExportRightAfterTheUpgradeCarriesTheDescriptionAndEveryOtherKeyOfAnApiWrite() {
    String file = exported().get("posts/api-written.md");
    assertThat(file).contains("description: A short summary\n").contains("mood: calm\n").contains("- a\n- b\n");
    Post post = found("api-written");
    assertThat(post.description()).as("the page's meta description").isEqualTo("A short summary");
    assertThat(post.meta().getString("mood")).isEqualTo("calm");
  }

  @Test
  void anImportedDescriptionMovesToItsFieldOnlyWhenItFits() throws InterruptedException {
    Post fits = found("imported-short");
    assertThat(fits.description()).isEqualTo("Fits the column.");
    assertThat(fits.meta().fieldNames()).containsExactly("layout");

    Post tooLong = rendered("imported-long"); // the render job bumps the version once: read after it
    assertThat(tooLong.description()).isNull();
    assertThat(tooLong.meta().getString("description")).isEqualTo(LONG);
    // a client reads the post and writes it back as it got it: no 422 for a value it never chose
    Post written = posts.update(new PostRequests.Update("imported-long", tooLong.version(),
        PostInput.builder(tooLong.markdown()).title(tooLong.title()).description(tooLong.description()).build())).await();
    assertThat(written.meta().getString("description")).isEqualTo(LONG);
    assertThat(exported().get("posts/imported-long.md")).contains("description: " + LONG + "\n");
  }

  @Test
  void aPostWhoseFrontMatterIsRefusedNowStillExports() {
    assertThat(exported().get("posts/nameless-key.md")).contains("mood: stormy\n").endsWith("---\nText.\n");
  }

  private static Post found(String slug) {
    return ((PostLookup.Found) posts.get(new PostRequests.Get(slug, true)).await()).post();
  }

  /** The post once the render job has rendered it (rows of the previous release are rendered again). */
  private static Post rendered(String slug) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      Post post = found(slug);
      if (!post.renderPending() && post.html() != null && !post.html().isEmpty()) {
        return post;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(slug + " was not rendered");
  }

  private static Map<String, String> exported() {
    return posts.export(0, 100).await().items().stream()
        .collect(Collectors.toMap(Imports.ExportedFile::path, Imports.ExportedFile::content));
  }

  private static void insert(Connection db, String slug, String markdown, String meta) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement("""
        INSERT INTO posts (slug, title, markdown, status, published_at, meta)
        VALUES (?, ?, ?, 'published', now(), ?::jsonb)""")) {
      insert.setString(1, slug);
      insert.setString(2, slug);
      insert.setString(3, markdown);
      insert.setString(4, meta);
      insert.executeUpdate();
    }
  }
}
