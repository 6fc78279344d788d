package io.octavo.posts;

import static io.octavo.posts.ReplyFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.posts.PostsContracts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Posts as a blog engine: listing, tags, series, search, revisions, drafts, scheduling, races,
 * trash. Asked over the event bus as the gateway asks, of the {@link SharedPostsService} (each test
 * its own slugs and tags); rendering is {@link FakeRenderService}'s (nothing here depends on real
 * HTML). How the gateway turns these replies into HTTP statuses is the gateway's tests'.
 */
class PostsEngineTest {
  private static Vertx vertx;
  private static PostsClient posts;

  @BeforeAll
  static void start() {
    posts = SharedPostsService.client();
    vertx = SharedPostsService.vertx();
  }

  /** What a writer sends, as the API's JSON. */
  private static JsonObject titled(String title, String markdown) {
    return new JsonObject().put("title", title).put("markdown", markdown);
  }

  private static Post create(JsonObject input) {
    return posts.create(PostInput.fromJson(input)).await();
  }

  private static Post update(String slug, long expectedVersion, JsonObject input) {
    return posts.update(new PostRequests.Update(slug, expectedVersion, PostInput.fromJson(input))).await();
  }

  /** A post as an anonymous reader ({@code admin} false) or the admin asks for it. */
  private static PostLookup get(String slug, boolean admin) {
    return posts.get(new PostRequests.Get(slug, admin)).await();
  }

  private static Post found(String slug, boolean admin) {
    return ((PostLookup.Found) get(slug, admin)).post();
  }

  private static List<String> slugs(List<Post> items) {
    return items.stream().map(Post::slug).toList();
  }

  private static List<String> hitSlugs(String query, boolean admin) {
    return posts.search(new PostRequests.Search(query, 10, null, admin)).await().items().stream()
        .map(PostReplies.SearchHit::slug).toList();
  }

  @Test
  void threeHundredConcurrentPostsPageThroughWithNoneLostOrRepeatedNewestFirst() throws Exception {
    List<Future<Post>> creates = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      JsonArray tags = new JsonArray().add("bulk");
      if (i % 3 == 0) {
        tags.add("third");
      }
      creates.add(posts.create(PostInput.fromJson(titled("Bulk post " + i, "Body " + i).put("tags", tags))));
    }
    Future.all(creates).await(120, TimeUnit.SECONDS);
    Set<String> created = new HashSet<>();
    Set<String> tagged = new HashSet<>();
    for (int i = 0; i < creates.size(); i++) {
      String slug = creates.get(i).result().slug();
      created.add(slug);
      if (i % 3 == 0) {
        tagged.add(slug);
      }
    }
    assertThat(created).hasSize(300);

    List<Post> seen = pageThrough("bulk");
    assertThat(seen).hasSize(300);
    assertThat(slugs(seen)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    for (int i = 1; i < seen.size(); i++) {
      OffsetDateTime newer = OffsetDateTime.parse(seen.get(i - 1).publishedAt());
      OffsetDateTime older = OffsetDateTime.parse(seen.get(i).publishedAt());
      assertThat(newer).isAfterOrEqualTo(older);
    }
    assertThat(slugs(pageThrough("third"))).containsExactlyInAnyOrderElementsOf(tagged);
  }

  private static List<Post> pageThrough(String tag) {
    List<Post> seen = new ArrayList<>();
    String cursor = null;
    do {
      PostPage page = posts.list(new PostRequests.List(25, cursor, tag, null, false)).await();
      assertThat(page.items().size()).isLessThanOrEqualTo(25);
      seen.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return seen;
  }

  @Test
  void concurrentPostsWithOneTitleGetDistinctSlugs() throws Exception {
    List<Future<Post>> creates = IntStream.range(0, 20)
        .mapToObj(i -> posts.create(PostInput.fromJson(titled("Same Title Race", "body " + i)))).toList();
    Future.all(creates).await(60, TimeUnit.SECONDS);
    Set<String> slugs = new HashSet<>();
    creates.forEach(create -> slugs.add(create.result().slug()));
    assertThat(slugs).hasSize(20).contains("same-title-race", "same-title-race-2", "same-title-race-20");
  }

  @Test
  void twentyConcurrentWritersWithOneVersionYieldOneWinner() {
    assertThat(create(titled("Contended", "v1")).version()).isEqualTo(1);
    List<Future<Post>> writes = IntStream.range(0, 20).mapToObj(i -> posts.update(
        new PostRequests.Update("contended", 1, PostInput.fromJson(titled("Contended", "writer " + i))))).toList();
    List<Integer> outcomes = writes.stream().map(ReplyFailures::failure).toList();
    assertThat(outcomes).filteredOn(code -> code == 0).hasSize(1);
    assertThat(outcomes).filteredOn(code -> code == 412).hasSize(19);
    assertThat(found("contended", false).version()).isEqualTo(2);
  }

  @Test
  void seriesPartsNavigateInOrderAndTheTitlePatternFillsTheSeries() {
    create(titled("[Vert.x Deep Dive] Part 1 - Futures", "Futures."));
    create(titled("[Vert.x Deep Dive] Part 2 - The Event Bus", "Event bus."));
    create(titled("[Vert.x Deep Dive] Part 3 - Clustering", "Clustering."));
    create(titled("[Vert.x Deep Dive] Part 4 - Unfinished", "Draft.").put("status", "draft"));

    Post second = found("vert-x-deep-dive-part-2-the-event-bus", false);
    assertThat(second.series()).isEqualTo("Vert.x Deep Dive");
    assertThat(second.seriesPart()).isEqualTo(2);
    assertThat(second.seriesPrev())
        .isEqualTo(new Post.SeriesRef("vert-x-deep-dive-part-1-futures", "[Vert.x Deep Dive] Part 1 - Futures"));
    assertThat(second.toJson().getJsonObject("series").getJsonObject("prev")).as("the API's shape").isEqualTo(new JsonObject()
        .put("slug", "vert-x-deep-dive-part-1-futures").put("title", "[Vert.x Deep Dive] Part 1 - Futures"));
    assertThat(second.seriesNext().slug()).isEqualTo("vert-x-deep-dive-part-3-clustering");

    assertThat(found("vert-x-deep-dive-part-3-clustering", false).seriesNext()).as("the draft part 4 is hidden").isNull();
    assertThat(found("vert-x-deep-dive-part-3-clustering", true).seriesNext().slug())
        .isEqualTo("vert-x-deep-dive-part-4-unfinished");

    PostReplies.SeriesParts listed = posts.series(new PostRequests.Series("Vert.x Deep Dive", false)).await();
    assertThat(slugs(listed.parts())).containsExactly("vert-x-deep-dive-part-1-futures",
        "vert-x-deep-dive-part-2-the-event-bus", "vert-x-deep-dive-part-3-clustering");
    assertThat(failure(posts.series(new PostRequests.Series("No Such Series", false)))).isEqualTo(404);
  }

  @Test
  void searchRanksTitleOverBodyAndHighlightsMatchesSafely() {
    create(titled("Quaternion rotations", "How to rotate with unit quaternions. <script>alert(1)</script>"));
    create(titled("Graphics notes", "Matrices are fine, but a quaternion avoids gimbal lock."));
    create(titled("Secret quaternion draft", "quaternion quaternion").put("status", "draft"));

    List<PostReplies.SearchHit> hits = posts.search(new PostRequests.Search("quaternion", 10, null, false)).await().items();
    assertThat(hits.stream().map(PostReplies.SearchHit::slug)).containsExactly("quaternion-rotations", "graphics-notes");
    assertThat(hits.get(0).snippetHtml()).contains("<mark>quaternions</mark>").doesNotContain("<script");
    assertThat(hits.get(1).snippetHtml()).contains("<mark>quaternion</mark>");

    assertThat(hitSlugs("quaternion", true)).contains("secret-quaternion-draft");
    assertThat(hitSlugs("quaternion -gimbal", false)).containsExactly("quaternion-rotations");
  }

  @Test
  void tagsAreCountedOverVisiblePostsOnly() {
    create(titled("Tagged one", "x").put("tags", new JsonArray().add("Counted Tag")));
    create(titled("Tagged two", "x").put("tags", new JsonArray().add("counted tag ")));
    create(titled("Tagged draft", "x").put("tags", new JsonArray().add("counted tag")).put("status", "draft"));
    PostReplies.TagCount count = posts.tags(new PostRequests.Tags(false)).await().items().stream()
        .filter(tag -> tag.tag().equals("counted tag")).findFirst().orElseThrow();
    assertThat(count.posts()).isEqualTo(2);
  }

  @Test
  void draftsAreInvisibleToAnonymousReadersEverywhere() {
    create(titled("Hidden Draft", "secret words xylophone").put("status", "draft")
        .put("tags", new JsonArray().add("hiddentag")));
    assertThat(failure(posts.get(new PostRequests.Get("hidden-draft", false)))).isEqualTo(404);
    assertThat(found("hidden-draft", true).slug()).isEqualTo("hidden-draft");
    assertThat(posts.list(new PostRequests.List(100, null, "hiddentag", null, false)).await().items()).isEmpty();
    assertThat(slugs(posts.list(new PostRequests.List(100, null, "hiddentag", null, true)).await().items()))
        .containsExactly("hidden-draft");
    assertThat(hitSlugs("xylophone", false)).isEmpty();
  }

  @Test
  void aScheduledPostGoesLiveAtItsTimeWithAnEvent() throws Exception {
    CompletableFuture<JsonObject> live = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer(PostsContracts.CHANGED.address(), message -> {
      if ("published".equals(message.body().getString("change")) && "on-the-hour".equals(message.body().getString("slug"))) {
        live.complete(message.body());
      }
    }).completion().await();
    String at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).toString();
    Post created = create(titled("On the hour", "soon").put("published_at", at));
    assertThat(created.toSummaryJson().getString("status")).isEqualTo("scheduled");
    assertThat(failure(posts.get(new PostRequests.Get("on-the-hour", false)))).isEqualTo(404);

    live.get(15, TimeUnit.SECONDS);
    assertThat(found("on-the-hour", false).toSummaryJson().getString("status")).isEqualTo("published");
  }

  @Test
  void revisionsKeepEverySourceAndOneCanBeRestored() {
    create(titled("Revised Post", "first draft"));
    update("revised-post", 1, titled("Revised Post", "second draft"));
    update("revised-post", 2, titled("Revised Post", "third draft"));

    assertThat(posts.revisions("revised-post").await().items().stream().map(PostReplies.RevisionEntry::version))
        .containsExactly(3L, 2L, 1L);
    assertThat(posts.revision(new PostRequests.Revision("revised-post", 1L)).await().markdown()).isEqualTo("first draft");

    Post restored = posts.restoreRevision(new PostRequests.Revision("revised-post", 1L)).await();
    assertThat(restored.markdown()).isEqualTo("first draft");
    assertThat(restored.version()).isEqualTo(4);
    assertThat(posts.revisions("revised-post").await().items()).hasSize(4);
    assertThat(failure(posts.revision(new PostRequests.Revision("revised-post", 99L)))).isEqualTo(404);
  }

  @Test
  void aChangedSlugLeavesTheNewSlugBehind() {
    create(titled("Old Name", "x"));
    update("old-name", 1, titled("New Name", "x").put("slug", "new-name"));
    assertThat(get("old-name", false)).isEqualTo(new PostLookup.Moved("new-name"));
    assertThat(found("new-name", false).title()).isEqualTo("New Name");
  }

  /**
   * A gateway of the previous release during a rolling upgrade: it sends no {@code accepts_moved},
   * reads a reply as the post and a move only as failure 301 whose message is the new slug.
   */
  @Test
  void aGatewayOfThePreviousReleaseLearnsOfAMoveAsFailure301() {
    create(titled("Before Rename", "x"));
    update("before-rename", 1, titled("After Rename", "x").put("slug", "after-rename"));
    DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(10_000);
    JsonObject oldRequest = new JsonObject().put("slug", "before-rename").put("include_unpublished", false);

    ReplyException moved = catchThrowableOfType(ReplyException.class,
        () -> vertx.eventBus().request("posts.get", oldRequest, timeout).await());
    assertThat(moved).as("not a {moved_to} reply it would read as an empty post").isNotNull();
    assertThat(moved.failureCode()).isEqualTo(301);
    assertThat(moved.getMessage()).isEqualTo("after-rename");

    JsonObject post = vertx.eventBus().<JsonObject>request("posts.get", oldRequest.copy().put("slug", "after-rename"), timeout)
        .await().body();
    assertThat(post.getString("slug")).as("a found post is the post's JSON, as before").isEqualTo("after-rename");
    assertThat(post.getString("title")).isEqualTo("After Rename");
  }

  @Test
  void aRenamedPostThatBecameADraftDoesNotLeakItsNewSlug() {
    create(titled("Public Name", "x"));
    update("public-name", 1, titled("Secret Name", "x").put("slug", "secret-name").put("status", "draft"));

    PostRequests.Get anonymous = new PostRequests.Get("public-name", false);
    assertThat(failure(posts.get(anonymous))).as("anonymous").isEqualTo(404);
    try {
      posts.get(anonymous).await();
    } catch (ReplyException e) {
      assertThat(e.getMessage()).doesNotContain("secret-name");
    }
    assertThat(get("public-name", true)).as("the admin still follows it").isEqualTo(new PostLookup.Moved("secret-name"));
  }

  @Test
  void draftFlagsInFrontMatterNeverPublishByAccident() {
    for (String flag : List.of("draft: \"true\"", "draft: \"yes\"", "draft: 'on'", "draft: yes", "published: \"false\"")) {
      String slug = "flagged-" + Integer.toHexString(flag.hashCode());
      Post created = create(new JsonObject().put("markdown", "---\n" + flag + "\nslug: " + slug + "\n---\n# Flagged\n"));
      assertThat(created.toSummaryJson().getString("status")).as(flag).isEqualTo("draft");
      assertThat(failure(posts.get(new PostRequests.Get(slug, false)))).as(flag + ": hidden from readers").isEqualTo(404);
    }
    for (String unclear : List.of("status: [draft]", "draft: maybe", "draft: \"\"", "status: {is: draft}", "published: 2")) {
      assertThat(failure(posts.create(PostInput.fromJson(new JsonObject().put("markdown", "---\n" + unclear
          + "\n---\n# Unclear\n"))))).as(unclear).isEqualTo(422);
    }
  }

  @Test
  void aDateThatIsNotOnTheCalendarIsRefused() {
    for (String date : List.of("2020-13-45", "2021-02-30", "2020-01-01 25:00:00", "\"2020-13-45\"")) {
      Future<Post> refused = posts.create(PostInput.fromJson(new JsonObject()
          .put("markdown", "---\ndate: " + date + "\n---\n# Dated\n")));
      assertThat(failure(refused)).as(date).isEqualTo(422);
      assertThat(refused.cause().getMessage()).as(date).contains("date");
    }
    Post fine = create(new JsonObject().put("markdown", "---\ndate: 2020-02-29\nslug: leap-day\n---\n# Leap\n"));
    assertThat(fine.publishedAt()).startsWith("2020-02-29");
  }

  @Test
  void frontMatterKeysYamlWouldReadAsNumbersOrYesAreKeptAsWritten() {
    Post created = create(new JsonObject().put("markdown",
        "---\nslug: odd-keys\n2024: a good year\nyes: indeed\non: time\n1.5: half\n---\n# Odd keys\n"));
    assertThat(created.meta().getMap()).containsEntry("2024", "a good year").containsEntry("yes", "indeed")
        .containsEntry("on", "time").containsEntry("1.5", "half");
    assertThat(found("odd-keys", false).title()).isEqualTo("Odd keys");

    for (String nameless : List.of("~: nothing", "null: nothing")) {
      Future<Post> refused = posts.create(PostInput.fromJson(new JsonObject()
          .put("markdown", "---\ntitle: Nameless\n" + nameless + "\n---\nbody\n")));
      assertThat(failure(refused)).as(nameless).isEqualTo(422);
      assertThat(refused.cause().getMessage()).as(nameless).contains("line 3 has a key with no name");
    }
    Future<Post> listKey = posts.create(PostInput.fromJson(new JsonObject()
        .put("markdown", "---\n? [a, b]\n: both\n---\nbody\n")));
    assertThat(failure(listKey)).isEqualTo(422);
  }

  @Test
  void deleteMovesToTheTrashFromWhereAPostComesBack() {
    create(titled("Trashed Post", "keep me"));
    posts.delete(new PostRequests.Delete("trashed-post", null)).await();
    assertThat(failure(posts.get(new PostRequests.Get("trashed-post", false)))).isEqualTo(404);

    PostReplies.TrashedPost item = posts.trash(100).await().items().stream()
        .filter(trashed -> trashed.slug().equals("trashed-post")).findFirst().orElseThrow();
    posts.restoreFromTrash(item.id()).await();
    assertThat(found("trashed-post", false).markdown()).isEqualTo("keep me");
  }
}
