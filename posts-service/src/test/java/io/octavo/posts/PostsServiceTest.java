package io.octavo.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.config.PgSettings;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostStatus;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The posts-service's event-bus contract, against a real PostgreSQL database of its own. */
class PostsServiceTest {
  private static PgSettings database;
  private Vertx vertx;
  private PostsClient posts;
  private FakeRenderService render;

  @BeforeAll
  static void createDatabase() {
    database = TestPostgres.freshDatabase(PostsServiceTest.class);
  }

  @BeforeEach
  void deploy() {
    vertx = Vertx.vertx();
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    PostsSettings settings = new PostsSettings(database, 4, Duration.ofMillis(500), Duration.ofMillis(200));
    render = new FakeRenderService(vertx).start();
    PostsService.deploy(Node.of(vertx, registry, Map.of()), settings).await();
    posts = new PostsClient(vertx, Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static PostInput post(String markdown) {
    return PostInput.builder(markdown).build();
  }

  private static int failureCode(Runnable call) {
    try {
      call.run();
    } catch (ReplyException e) {
      return e.failureCode();
    }
    throw new AssertionError("expected the call to fail");
  }

  @Test
  void createdPostComesBackRenderedWithFrontMatterFields() {
    Post created = posts.create(post("---\ntitle: Front Matter Title\ntags: [Java, ' Vert.x ']\n---\nBody text"))
        .await();
    assertThat(created.title()).isEqualTo("Front Matter Title");
    assertThat(created.slug()).isEqualTo("front-matter-title");
    assertThat(created.tags()).containsExactly("java", "vert.x");
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.renderPending()).isFalse();
    assertThat(created.html()).contains("Body text");

    Post read = found(new PostRequests.Get("front-matter-title", false));
    assertThat(read).isEqualTo(created);
  }

  @Test
  void explicitFieldsWinOverFrontMatter() {
    Post created = posts.create(PostInput.builder("---\ntitle: In File\n---\nx").title("Given Title").slug("given-slug")
        .tags(List.of("t")).build()).await();
    assertThat(created.title()).isEqualTo("Given Title");
    assertThat(created.slug()).isEqualTo("given-slug");
    assertThat(created.tags()).containsExactly("t");
  }

  @Test
  void textPostgresqlCannotStoreIsABadRequestNotAServerError() {
    // the gateway refuses NUL first; this is the net for any path that reaches the database
    assertThat(failureCode(() -> posts.search(new PostRequests.Search("a\0b", 10, null, false)).await())).isEqualTo(400);
    assertThat(failureCode(() -> posts.list(new PostRequests.List(10, null, "t\0", null, false)).await())).isEqualTo(400);
    assertThat(failureCode(() -> posts.create(PostInput.builder("x").title("Nul\0Title").build())
        .await())).isEqualTo(400);
  }

  @Test
  void concurrentUpdatesOfAnyVersionAllWin() {
    Post created = posts.create(post("# Any Version\n\nv1")).await();
    List<io.vertx.core.Future<Post>> writes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      writes.add(posts.update(new PostRequests.Update(created.slug(), PostRequests.Update.ANY_VERSION,
          post("# Any Version\n\nwriter " + i))));
    }
    io.vertx.core.Future.join(writes).await();
    assertThat(writes).allSatisfy(write -> assertThat(write.succeeded()).as(String.valueOf(write.cause())).isTrue());
    assertThat(found(new PostRequests.Get(created.slug(), true)).version()).isEqualTo(7);
    assertThat(failureCode(() -> posts.update(new PostRequests.Update("no-such-post", PostRequests.Update.ANY_VERSION,
        post("x"))).await())).as("any version needs a current one to replace").isEqualTo(404);
  }

  @Test
  void duplicateExplicitSlugIsAConflict() {
    posts.create(PostInput.builder("a").title("A").slug("same-slug").build()).await();
    assertThat(failureCode(() -> posts.create(PostInput.builder("b").title("B").slug("same-slug").build())
        .await())).isEqualTo(409);
  }

  @Test
  void derivedSlugGetsASuffixWhenTaken() {
    Post first = posts.create(post("# Twice Titled\n\nOne")).await();
    Post second = posts.create(post("# Twice Titled\n\nTwo")).await();
    assertThat(first.slug()).isEqualTo("twice-titled");
    assertThat(second.slug()).isEqualTo("twice-titled-2");
  }

  @Test
  void updateWithTheCurrentVersionWinsAndAStaleOneIsRefused() {
    Post created = posts.create(post("# Versioned\n\nv1")).await();
    Post updated = posts.update(new PostRequests.Update(created.slug(), 1, post("# Versioned\n\nv2"))).await();
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.markdown()).contains("v2");
    assertThat(failureCode(() -> posts.update(new PostRequests.Update(created.slug(), 1, post("# Versioned\n\nv3")))
        .await())).isEqualTo(412);
    assertThat(failureCode(() -> posts.update(new PostRequests.Update("no-such-post", 1, post("x"))).await()))
        .isEqualTo(404);
  }

  @Test
  void deleteRemovesThePost() {
    Post created = posts.create(post("# Doomed\n\nbye")).await();
    posts.delete(new PostRequests.Delete(created.slug(), null)).await();
    assertThat(failureCode(() -> found(new PostRequests.Get(created.slug(), true)))).isEqualTo(404);
    assertThat(failureCode(() -> posts.delete(new PostRequests.Delete(created.slug(), null)).await())).isEqualTo(404);
  }

  @Test
  void draftsAndFuturePostsAreHiddenFromAnonymousReaders() {
    posts.create(PostInput.builder("d").title("A Draft").status("draft").build()).await();
    Post scheduled = posts.create(PostInput.builder("s").title("Later").status("published")
        .publishedAt(OffsetDateTime.now().plusDays(1).toString()).build()).await();
    assertThat(scheduled.status()).isEqualTo(PostStatus.SCHEDULED);
    assertThat(failureCode(() -> found(new PostRequests.Get("a-draft", false)))).isEqualTo(404);
    assertThat(found(new PostRequests.Get("a-draft", true)).status()).isEqualTo(PostStatus.DRAFT);
    List<String> anonymous = posts.list(new PostRequests.List(100, null, null, null, false)).await()
        .items().stream().map(Post::slug).toList();
    assertThat(anonymous).doesNotContain("a-draft", "later");
  }

  @Test
  void invalidInputIsRefusedWithA422() {
    assertThat(failureCode(() -> posts.create(PostInput.builder("x").title("T").slug("Bad Slug!").build())
        .await())).isEqualTo(422);
    assertThat(failureCode(() -> posts.create(PostInput.builder("x").title("T").status("live").build())
        .await())).isEqualTo(422);
    assertThat(failureCode(() -> posts.create(PostInput.builder("x").title("T").publishedAt("yesterday").build())
        .await())).isEqualTo(422);
    assertThat(failureCode(() -> posts.create(post("---\ntitle: [unclosed\n---\nbody")).await())).isEqualTo(422);
    assertThat(failureCode(() -> posts.create(post("no title anywhere")).await())).isEqualTo(422);
    assertThat(failureCode(() -> posts.create(PostInput.builder("x").title("T".repeat(301)).build())
        .await())).as("over-long title").isEqualTo(422);
    List<String> tooManyTags = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList();
    assertThat(failureCode(() -> posts.create(PostInput.builder("x").title("T").tags(tooManyTags).build())
        .await())).as("too many tags").isEqualTo(422);
  }

  @Test
  void listingPagesThroughEveryPostNewestFirstWithoutRepeats() {
    List<String> createdSlugs = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      createdSlugs.add(posts.create(PostInput.builder("p").title("Paged " + i).tags(List.of(i % 2 == 0 ? "even" : "odd"))
              .publishedAt(OffsetDateTime.parse("2020-01-01T00:00:00Z").plusMinutes(i).toString()).build())
          .await().slug());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      PostPage page = posts.list(new PostRequests.List(5, cursor, null, null, false)).await();
      page.items().stream().map(Post::slug).filter(createdSlugs::contains).forEach(seen::add);
      cursor = page.nextCursor();
    } while (cursor != null);
    List<String> newestFirst = new ArrayList<>(createdSlugs);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);

    PostPage even = posts.list(new PostRequests.List(100, null, "EVEN", null, false)).await();
    assertThat(even.items()).hasSize(12).allSatisfy(p -> assertThat(p.tags()).contains("even"));
  }

  @Test
  void aBadCursorIsAClientError() {
    assertThat(failureCode(() -> posts.list(new PostRequests.List(10, "not-a-cursor", null, null, false)).await()))
        .isEqualTo(400);
    assertThat(failureCode(() -> posts.list(new PostRequests.List(10, "eyJpZCI6MX0", null, null, false)).await()))
        .as("a forged cursor").isEqualTo(400);
  }

  @Test
  void aWriteWhileRenderIsDownIsStoredAndRenderedWhenItComesBack() throws Exception {
    render.stop();
    Post stored = posts.create(post("# While Down\n\nstill stored")).await();
    assertThat(stored.renderPending()).isTrue();
    assertThat(stored.html()).isNull();
    assertThat(found(new PostRequests.Get("while-down", false)).markdown()).contains("still stored");

    CompletableFuture<JsonObject> renderedEvent = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer(PostsContracts.CHANGED.address(), message -> {
      if ("rendered".equals(message.body().getString("change"))
          && "while-down".equals(message.body().getString("slug"))) {
        renderedEvent.complete(message.body());
      }
    }).completion().await();
    render.start();

    JsonObject event = renderedEvent.get(20, TimeUnit.SECONDS);
    Post rendered = found(new PostRequests.Get("while-down", false));
    assertThat(rendered.renderPending()).isFalse();
    assertThat(rendered.html()).contains("still stored");
    assertThat(rendered.version()).isEqualTo(event.getLong("version")).isEqualTo(2);
  }

  @Test
  void aNewerRendererVersionReRendersStoredPostsInTheBackground() throws Exception {
    Post stored = posts.create(post("# Old Render\n\nbody")).await();
    assertThat(stored.html()).doesNotContain("v8");

    CompletableFuture<JsonObject> reRendered = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer(PostsContracts.CHANGED.address(), message -> {
      if ("rendered".equals(message.body().getString("change"))
          && "old-render".equals(message.body().getString("slug"))) {
        reRendered.complete(message.body());
      }
    }).completion().await();
    render.stop();
    new FakeRenderService(vertx, 8).start();

    reRendered.get(20, TimeUnit.SECONDS);
    Post after = found(new PostRequests.Get("old-render", false));
    assertThat(after.html()).contains("<!-- v8 -->");
    assertThat(after.markdown()).isEqualTo(stored.markdown());
    assertThat(after.version()).isEqualTo(stored.version() + 1);
  }

  @Test
  void everyWriteKeepsTheSourceAsARevision() {
    Post created = posts.create(post("# Revised\n\none")).await();
    posts.update(new PostRequests.Update(created.slug(), 1, post("# Revised\n\ntwo"))).await();
    List<String> revisions = vertx.executeBlocking(() -> {
      try (var connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(),
          database.password());
           var statement = connection.prepareStatement(
               "SELECT r.markdown FROM post_revisions r JOIN posts p ON p.id = r.post_id"
                   + " WHERE p.slug = ? ORDER BY r.version")) {
        statement.setString(1, created.slug());
        List<String> sources = new ArrayList<>();
        var rows = statement.executeQuery();
        while (rows.next()) {
          sources.add(rows.getString(1));
        }
        return sources;
      }
    }).await();
    assertThat(revisions).containsExactly("# Revised\n\none", "# Revised\n\ntwo");
  }

  @Test
  void invalidCallsNeverCrashTheConsumer() {
    assertThatThrownBy(() -> posts.list(new PostRequests.List(0, null, null, null, false)).await())
        .isInstanceOf(ReplyException.class);
    assertThat(posts.health().await().status()).isEqualTo("UP");
  }

  @Test
  void anImportWhoseGatewayDiedEndsAsFailedInsteadOfRunningForever() throws Exception {
    String stale = posts.startImport(3).await().id();
    posts.importBatch(stale, List.of(new Imports.File("a.md", "# A\n", null, null))).await();
    String live = posts.startImport(3).await().id();
    // No batch for longer than the silence allowed: the gateway that drove it is gone.
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         Statement statement = connection.createStatement()) {
      statement.execute("UPDATE import_jobs SET heartbeat_at = now() - interval '6 minutes' WHERE id = '" + stale + "'");
    }

    Imports.Job interrupted = posts.importJob(stale).await();
    assertThat(interrupted.status()).isEqualTo(Imports.JobStatus.FAILED);
    assertThat(interrupted.error()).startsWith("interrupted");
    assertThat(interrupted.processed()).isEqualTo(1);
    assertThat(interrupted.finishedAt()).isNotNull();
    assertThat(failureCode(() -> posts.importBatch(stale, List.of()).await())).isEqualTo(409);
    assertThat(posts.importJob(live).await().status()).as("a job with a recent batch").isEqualTo(Imports.JobStatus.RUNNING);
  }

  @Test
  void tomlFrontMatterIsNeitherRenderedNorSearched() {
    Post created = posts.create(post("+++\ntitle = \"From Hugo\"\nkeywords = \"zebrafish\"\n+++\nKestrels over the bay.\n"))
        .await();
    assertThat(created.title()).isEqualTo("From Hugo");
    assertThat(created.html()).contains("Kestrels over the bay.").doesNotContain("zebrafish");
    assertThat(posts.search(new PostRequests.Search("zebrafish", 10, null, false)).await().items())
        .isEmpty();
    List<PostReplies.SearchHit> kestrels = posts.search(new PostRequests.Search("kestrels", 10, null, false)).await().items();
    assertThat(kestrels).hasSize(1);
    assertThat(kestrels.get(0).snippetHtml()).contains("<mark>Kestrels</mark>").doesNotContain("title");
  }

  @Test
  void aRenamedPostAnswersAtItsOldSlugWithTheSlugItMovedTo() {
    Post created = posts.create(PostInput.builder("Body").title("Old Name").slug("old-name").status("published")
        .build())
        .await();
    posts.update(new PostRequests.Update(created.slug(), created.version(),
        PostInput.builder("Body").title("Old Name").slug("new-name").status("published").build())).await();

    assertThat(posts.get(new PostRequests.Get("old-name", false)).await()).isEqualTo(new PostLookup.Moved("new-name"));
    assertThat(failureCode(() -> found(new PostRequests.Get("never-was", false)))).isEqualTo(404);
  }

  /** The post at a slug that has not moved. */
  private Post found(PostRequests.Get request) {
    return ((PostLookup.Found) posts.get(request).await()).post();
  }

  @Test
  void descriptionIsWrittenReadAndKeptByAnUpdateThatDoesNotGiveIt() {
    Post created = posts.create(PostInput.builder("# Kites\n\nBody.").description("Why kites fly.").build()).await();
    assertThat(created.description()).isEqualTo("Why kites fly.");
    assertThat(found(new PostRequests.Get(created.slug(), false)).description()).isEqualTo("Why kites fly.");

    Post updated = posts.update(new PostRequests.Update(created.slug(), created.version(), post("# Kites\n\nMore."))).await();
    assertThat(updated.description()).isEqualTo("Why kites fly.");

    Post fromFrontMatter = posts.create(post("---\ntitle: Kites Again\nsummary: Said in front matter.\n---\nBody.")).await();
    assertThat(fromFrontMatter.description()).isEqualTo("Said in front matter.");
  }

  @Test
  void frontMatterKeysWithoutAFieldAreKeptInMetaAsAnImportKeepsThem() {
    Post created = posts.create(post("---\ntitle: With Meta\ncomments: false\nauthor: {name: Ada}\n---\nBody.")).await();
    assertThat(created.meta()).isEqualTo(new JsonObject().put("comments", false).put("author", new JsonObject().put("name", "Ada")));

    Post bodyOnly = posts.update(new PostRequests.Update(created.slug(), created.version(), post("# With Meta\n\nEdited."))).await();
    assertThat(bodyOnly.meta()).isEqualTo(created.meta()); // no front matter: the stored meta stays

    Post rewritten = posts.update(new PostRequests.Update(created.slug(), bodyOnly.version(),
        post("---\ntitle: With Meta\nmood: calm\n---\nAgain."))).await();
    assertThat(rewritten.meta()).isEqualTo(new JsonObject().put("mood", "calm"));
  }
}
