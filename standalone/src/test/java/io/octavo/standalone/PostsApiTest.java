package io.octavo.standalone;

import static io.octavo.standalone.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostsContracts;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Posts as a blog engine: listing, tags, series, search, revisions, drafts, scheduling, races, trash. */
class PostsApiTest {
  private static final String TOKEN = "posts-api-token";
  private static StandaloneMain.Octavo octavo;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    TestOctavo started = TestOctavo.start(PostsApiTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN));
    int port = started.port();
    octavo = started.octavo();
    api = new Api(port, TOKEN);
  }

  @AfterAll
  static void stop() {
    api.close();
    octavo.close();
  }

  private static JsonObject titled(String title, String body) {
    return post(body).put("title", title);
  }

  private static List<String> slugs(JsonArray items) {
    return items.stream().map(item -> ((JsonObject) item).getString("slug")).toList();
  }

  @Test
  void threeHundredConcurrentPostsPageThroughWithNoneLostOrRepeatedNewestFirst() throws Exception {
    List<Future<HttpResponse<Buffer>>> creates = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      JsonArray tags = new JsonArray().add("bulk");
      if (i % 3 == 0) {
        tags.add("third");
      }
      creates.add(api.createAsync(titled("Bulk post " + i, "Body " + i).put("tags", tags)));
    }
    Future.all(creates).await(120, TimeUnit.SECONDS);
    Set<String> created = new HashSet<>();
    Set<String> tagged = new HashSet<>();
    for (int i = 0; i < creates.size(); i++) {
      HttpResponse<Buffer> response = creates.get(i).result();
      assertThat(response.statusCode()).isEqualTo(201);
      String slug = response.bodyAsJsonObject().getString("slug");
      created.add(slug);
      if (i % 3 == 0) {
        tagged.add(slug);
      }
    }
    assertThat(created).hasSize(300);

    List<JsonObject> seen = pageThrough("?tag=bulk&limit=25");
    assertThat(seen).hasSize(300);
    assertThat(seen.stream().map(item -> item.getString("slug")).toList()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(created);
    for (int i = 1; i < seen.size(); i++) {
      OffsetDateTime newer = OffsetDateTime.parse(seen.get(i - 1).getString("published_at"));
      OffsetDateTime older = OffsetDateTime.parse(seen.get(i).getString("published_at"));
      assertThat(newer).isAfterOrEqualTo(older);
    }
    assertThat(pageThrough("?tag=third&limit=25").stream().map(item -> item.getString("slug")))
        .containsExactlyInAnyOrderElementsOf(tagged);
  }

  private static List<JsonObject> pageThrough(String query) {
    List<JsonObject> seen = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<Buffer> page = api.list(query + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.statusCode()).isEqualTo(200);
      JsonArray items = page.bodyAsJsonObject().getJsonArray("items");
      assertThat(items.size()).isLessThanOrEqualTo(25);
      items.forEach(item -> seen.add((JsonObject) item));
      cursor = page.bodyAsJsonObject().getString("next_cursor");
    } while (cursor != null);
    return seen;
  }

  @Test
  void concurrentPostsWithOneTitleGetDistinctSlugs() throws Exception {
    List<Future<HttpResponse<Buffer>>> creates = IntStream.range(0, 20)
        .mapToObj(i -> api.createAsync(titled("Same Title Race", "body " + i))).toList();
    Future.all(creates).await(60, TimeUnit.SECONDS);
    Set<String> slugs = new HashSet<>();
    creates.forEach(create -> {
      assertThat(create.result().statusCode()).isEqualTo(201);
      slugs.add(create.result().bodyAsJsonObject().getString("slug"));
    });
    assertThat(slugs).hasSize(20).contains("same-title-race", "same-title-race-2", "same-title-race-20");
  }

  @Test
  void twentyConcurrentWritersWithOneETagYieldOneWinner() throws Exception {
    assertThat(api.create(titled("Contended", "v1")).statusCode()).isEqualTo(201);
    List<Future<HttpResponse<Buffer>>> writes = IntStream.range(0, 20)
        .mapToObj(i -> api.updateAsync("contended", titled("Contended", "writer " + i), "\"1\"")).toList();
    Future.join(writes).await(60, TimeUnit.SECONDS);
    List<Integer> statuses = writes.stream().map(write -> write.result().statusCode()).toList();
    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 412).hasSize(19);
    assertThat(api.get("contended").getHeader("etag")).isEqualTo("\"2\"");
    assertThat(api.update("contended", titled("Contended", "x"), null).statusCode()).isEqualTo(428);
  }

  @Test
  void seriesPartsNavigateInOrderAndTheTitlePatternFillsTheSeries() {
    api.create(post("Futures.").put("title", "[Vert.x Deep Dive] Part 1 - Futures"));
    api.create(post("Event bus.").put("title", "[Vert.x Deep Dive] Part 2 - The Event Bus"));
    api.create(post("Clustering.").put("title", "[Vert.x Deep Dive] Part 3 - Clustering"));
    api.create(post("Draft.").put("title", "[Vert.x Deep Dive] Part 4 - Unfinished").put("status", "draft"));

    JsonObject second = api.get("vert-x-deep-dive-part-2-the-event-bus").bodyAsJsonObject();
    JsonObject series = second.getJsonObject("series");
    assertThat(series.getString("name")).isEqualTo("Vert.x Deep Dive");
    assertThat(series.getInteger("part")).isEqualTo(2);
    assertThat(series.getJsonObject("prev")).isEqualTo(new JsonObject()
        .put("slug", "vert-x-deep-dive-part-1-futures").put("title", "[Vert.x Deep Dive] Part 1 - Futures"));
    assertThat(series.getJsonObject("next").getString("slug")).isEqualTo("vert-x-deep-dive-part-3-clustering");

    JsonObject third = api.get("vert-x-deep-dive-part-3-clustering").bodyAsJsonObject();
    assertThat(third.getJsonObject("series").getValue("next")).as("the draft part 4 is hidden").isNull();
    assertThat(api.adminGet("/api/posts/vert-x-deep-dive-part-3-clustering").bodyAsJsonObject()
        .getJsonObject("series").getJsonObject("next").getString("slug")).isEqualTo("vert-x-deep-dive-part-4-unfinished");

    JsonObject listed = api.anonymous(HttpMethod.GET, "/api/series/" + encode("Vert.x Deep Dive"), null).bodyAsJsonObject();
    assertThat(slugs(listed.getJsonArray("parts"))).containsExactly("vert-x-deep-dive-part-1-futures",
        "vert-x-deep-dive-part-2-the-event-bus", "vert-x-deep-dive-part-3-clustering");
    assertThat(api.anonymous(HttpMethod.GET, "/api/series/" + encode("No Such Series"), null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void searchRanksTitleOverBodyAndHighlightsMatchesSafely() {
    api.create(titled("Quaternion rotations", "How to rotate with unit quaternions. <script>alert(1)</script>"));
    api.create(titled("Graphics notes", "Matrices are fine, but a quaternion avoids gimbal lock."));
    api.create(titled("Secret quaternion draft", "quaternion quaternion").put("status", "draft"));

    JsonArray hits = api.anonymous(HttpMethod.GET, "/api/search?q=quaternion", null).bodyAsJsonObject()
        .getJsonArray("items");
    assertThat(slugs(hits)).containsExactly("quaternion-rotations", "graphics-notes");
    String snippet = hits.getJsonObject(0).getString("snippet_html");
    assertThat(snippet).contains("<mark>quaternions</mark>").doesNotContain("<script");
    assertThat(hits.getJsonObject(1).getString("snippet_html")).contains("<mark>quaternion</mark>");

    JsonArray asAdmin = api.adminGet("/api/search?q=quaternion").bodyAsJsonObject().getJsonArray("items");
    assertThat(slugs(asAdmin)).contains("secret-quaternion-draft");
    assertThat(slugs(api.anonymous(HttpMethod.GET, "/api/search?q=" + encode("quaternion -gimbal"), null)
        .bodyAsJsonObject().getJsonArray("items"))).containsExactly("quaternion-rotations");
    assertThat(api.anonymous(HttpMethod.GET, "/api/search?q=", null).statusCode()).isEqualTo(400);
  }

  @Test
  void tagsAreCountedOverVisiblePostsOnly() {
    api.create(titled("Tagged one", "x").put("tags", new JsonArray().add("Counted Tag")));
    api.create(titled("Tagged two", "x").put("tags", new JsonArray().add("counted tag ")));
    api.create(titled("Tagged draft", "x").put("tags", new JsonArray().add("counted tag")).put("status", "draft"));
    JsonObject count = api.anonymous(HttpMethod.GET, "/api/tags", null).bodyAsJsonObject().getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(tag -> tag.getString("tag").equals("counted tag")).findFirst()
        .orElseThrow();
    assertThat(count.getInteger("posts")).isEqualTo(2);
  }

  @Test
  void draftsAreInvisibleToAnonymousReadersEverywhere() {
    api.create(titled("Hidden Draft", "secret words xylophone").put("status", "draft").put("tags", new JsonArray().add("hiddentag")));
    assertThat(api.get("hidden-draft").statusCode()).isEqualTo(404);
    assertThat(api.adminGet("/api/posts/hidden-draft").statusCode()).isEqualTo(200);
    assertThat(slugs(api.list("?limit=100&tag=hiddentag").bodyAsJsonObject().getJsonArray("items"))).isEmpty();
    assertThat(slugs(api.adminGet("/api/posts?limit=100&tag=hiddentag").bodyAsJsonObject().getJsonArray("items")))
        .containsExactly("hidden-draft");
    assertThat(api.anonymous(HttpMethod.GET, "/api/search?q=xylophone", null).bodyAsJsonObject()
        .getJsonArray("items")).isEmpty();
  }

  @Test
  void aScheduledPostGoesLiveAtItsTimeWithAnEvent() throws Exception {
    CompletableFuture<JsonObject> live = new CompletableFuture<>();
    octavo.vertx().eventBus().<JsonObject>consumer(PostsContracts.CHANGED.address(), message -> {
      if ("published".equals(message.body().getString("change")) && "on-the-hour".equals(message.body().getString("slug"))) {
        live.complete(message.body());
      }
    }).completion().await();
    String at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).toString();
    JsonObject created = api.create(titled("On the hour", "soon").put("published_at", at)).bodyAsJsonObject();
    assertThat(created.getString("status")).isEqualTo("scheduled");
    assertThat(api.get("on-the-hour").statusCode()).isEqualTo(404);

    live.get(15, TimeUnit.SECONDS);
    HttpResponse<Buffer> after = api.get("on-the-hour");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.bodyAsJsonObject().getString("status")).isEqualTo("published");
  }

  @Test
  void revisionsKeepEverySourceAndOneCanBeRestored() {
    api.create(titled("Revised Post", "first draft"));
    api.update("revised-post", titled("Revised Post", "second draft"), "\"1\"");
    api.update("revised-post", titled("Revised Post", "third draft"), "\"2\"");

    JsonArray revisions = api.adminGet("/api/posts/revised-post/revisions").bodyAsJsonObject().getJsonArray("items");
    assertThat(revisions.stream().map(r -> ((JsonObject) r).getLong("version")).toList()).containsExactly(3L, 2L, 1L);
    assertThat(api.anonymous(HttpMethod.GET, "/api/posts/revised-post/revisions", null).statusCode()).isEqualTo(401);
    assertThat(api.adminGet("/api/posts/revised-post/revisions/1").bodyAsJsonObject().getString("markdown"))
        .isEqualTo("first draft");

    HttpResponse<Buffer> restored = api.raw(HttpMethod.POST, "/api/posts/revised-post/revisions/1/restore", null);
    assertThat(restored.statusCode()).isEqualTo(200);
    assertThat(restored.bodyAsJsonObject().getString("markdown")).isEqualTo("first draft");
    assertThat(restored.getHeader("etag")).isEqualTo("\"4\"");
    assertThat(api.adminGet("/api/posts/revised-post/revisions").bodyAsJsonObject().getJsonArray("items")).hasSize(4);
    assertThat(api.adminGet("/api/posts/revised-post/revisions/99").statusCode()).isEqualTo(404);
  }

  @Test
  void aChangedSlugLeavesARedirectBehind() {
    api.create(titled("Old Name", "x"));
    HttpResponse<Buffer> renamed = api.update("old-name", titled("New Name", "x").put("slug", "new-name"), "\"1\"");
    assertThat(renamed.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> old = api.get("old-name");
    assertThat(old.statusCode()).isEqualTo(301);
    assertThat(old.getHeader("location")).isEqualTo("/api/posts/new-name");
    assertThat(api.get("new-name").statusCode()).isEqualTo(200);
  }

  @Test
  void aRenamedPostThatBecameADraftDoesNotLeakItsNewSlug() {
    api.create(titled("Public Name", "x"));
    api.update("public-name", titled("Secret Name", "x").put("slug", "secret-name").put("status", "draft"), "\"1\"");

    assertThat(api.get("public-name").statusCode()).as("API, anonymous").isEqualTo(404);
    assertThat(api.get("public-name").bodyAsString()).doesNotContain("secret-name");
    HttpResponse<Buffer> page = api.anonymous(HttpMethod.GET, "/posts/public-name", null);
    assertThat(page.statusCode()).as("page, anonymous").isEqualTo(404);
    assertThat(page.getHeader("location")).isNull();
    HttpResponse<Buffer> admin = api.adminGet("/api/posts/public-name");
    assertThat(admin.statusCode()).as("the admin still follows it").isEqualTo(301);
    assertThat(admin.getHeader("location")).isEqualTo("/api/posts/secret-name");
  }

  @Test
  void draftFlagsInFrontMatterNeverPublishByAccident() {
    for (String flag : List.of("draft: \"true\"", "draft: \"yes\"", "draft: 'on'", "draft: yes", "published: \"false\"")) {
      String slug = "flagged-" + Integer.toHexString(flag.hashCode());
      HttpResponse<Buffer> created = api.create(post("---\n" + flag + "\nslug: " + slug + "\n---\n# Flagged\n"));
      assertThat(created.statusCode()).as(flag).isEqualTo(201);
      assertThat(created.bodyAsJsonObject().getString("status")).as(flag).isEqualTo("draft");
      assertThat(api.get(slug).statusCode()).as(flag + ": hidden from readers").isEqualTo(404);
    }
    for (String unclear : List.of("status: [draft]", "draft: maybe", "draft: \"\"", "status: {is: draft}", "published: 2")) {
      HttpResponse<Buffer> refused = api.create(post("---\n" + unclear + "\n---\n# Unclear\n"));
      assertThat(refused.statusCode()).as(unclear).isEqualTo(422);
      assertThat(refused.getHeader("content-type")).isEqualTo("application/problem+json");
    }
  }

  @Test
  void aDateThatIsNotOnTheCalendarIsRefused() {
    for (String date : List.of("2020-13-45", "2021-02-30", "2020-01-01 25:00:00", "\"2020-13-45\"")) {
      HttpResponse<Buffer> refused = api.create(post("---\ndate: " + date + "\n---\n# Dated\n"));
      assertThat(refused.statusCode()).as(date).isEqualTo(422);
      assertThat(refused.bodyAsJsonObject().getString("detail")).as(date).contains("date");
    }
    HttpResponse<Buffer> fine = api.create(post("---\ndate: 2020-02-29\nslug: leap-day\n---\n# Leap\n"));
    assertThat(fine.bodyAsJsonObject().getString("published_at")).startsWith("2020-02-29");
  }

  @Test
  void deleteMovesToTheTrashFromWhereAPostComesBack() {
    api.create(titled("Trashed Post", "keep me"));
    assertThat(api.delete("trashed-post").statusCode()).isEqualTo(204);
    assertThat(api.get("trashed-post").statusCode()).isEqualTo(404);

    JsonObject item = api.adminGet("/api/trash").bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(trashed -> trashed.getString("slug").equals("trashed-post"))
        .findFirst().orElseThrow();
    HttpResponse<Buffer> restored = api.raw(HttpMethod.POST, "/api/trash/" + item.getLong("id") + "/restore", null);
    assertThat(restored.statusCode()).isEqualTo(200);
    assertThat(api.get("trashed-post").bodyAsJsonObject().getString("markdown")).isEqualTo("keep me");
    assertThat(api.anonymous(HttpMethod.GET, "/api/trash", null).statusCode()).isEqualTo(401);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
