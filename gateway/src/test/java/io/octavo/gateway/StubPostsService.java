package io.octavo.gateway;

import io.octavo.common.posts.PostsContracts;
import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.ChangeKind;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.testing.BusStub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posts-service stand-in for gateway tests: answers every posts.* address a reader or writer
 * reaches from an in-memory set of published posts, in the shapes the real service replies with,
 * so each status and header a test sees is the gateway's doing. Writes keep their post (an update
 * at version + 1; a create keeps the source it was sent) and announce it on posts.changed as the
 * real service does; a create titled "refuse NNN" fails with code NNN. What the gateway sent is in
 * {@link #bus()}.
 */
public final class StubPostsService {
  private final Vertx vertx;
  private final BusStub bus;
  private final Map<String, Post> posts = Collections.synchronizedMap(new LinkedHashMap<>()); // oldest first

  private StubPostsService(Vertx vertx) {
    this.vertx = vertx;
    this.bus = BusStub.on(vertx);
  }

  /** Deploys the stand-in with one post per title (slug: the title in lowercase, dashes for spaces). */
  public static StubPostsService start(Vertx vertx, List<String> titles, List<String> tags) {
    StubPostsService service = new StubPostsService(vertx);
    for (String title : titles) {
      Post post = post(title, tags, 1);
      service.posts.put(post.slug(), post);
    }
    return service.register();
  }

  public BusStub bus() {
    return bus;
  }

  public static Post post(String title, List<String> tags, long version) {
    String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return Post.fromJson(new JsonObject().put("slug", slug).put("title", title)
        .put("markdown", "Body of " + title).put("html", "<p>Body of " + title + "</p>\n")
        .put("excerpt_html", "<p>Body of " + title + "</p>\n").put("has_more", false).put("tags", new JsonArray(tags))
        .put("status", "published").put("published_at", "2026-01-01T00:00:00Z").put("created_at", "2026-01-01T00:00:00Z")
        .put("updated_at", "2026-01-01T00:00:00Z").put("version", version).put("word_count", 3)
        .put("reading_time_minutes", 1).put("toc", new JsonArray()).put("meta", new JsonObject()));
  }

  private StubPostsService register() {
    bus.answer(PostsContracts.GET.address(), body -> find(PostRequests.Get.fromJson(body).slug()).toJson())
        .answer(PostsContracts.LIST.address(), body -> {
          String tag = PostRequests.List.fromJson(body).tag();
          List<Post> newestFirst = new ArrayList<>(all());
          Collections.reverse(newestFirst);
          return new PostPage(newestFirst.stream().filter(p -> tag == null || p.tags().contains(tag)).toList(), null)
              .toJson();
        })
        .answer(PostsContracts.CREATE.address(), body -> {
          String title = body.getString("title", "Created");
          if (title.matches("refuse \\d{3}")) { // a refusal, as the real service fails a message
            throw new ServiceFailure(Integer.parseInt(title.substring(7)), "refused as the posts-service would");
          }
          Post post = post(title, List.of(), 1);
          String markdown = body.getString("markdown", "");
          return write(Post.fromJson(post.toJson().put("markdown", markdown).put("html", "<p>" + markdown + "</p>\n")),
              ChangeKind.CREATED);
        })
        .answer(PostsContracts.UPDATE.address(), body -> {
          Post current = find(body.getString("slug"));
          return write(post(current.title(), current.tags(), current.version() + 1), ChangeKind.UPDATED);
        })
        .answer(PostsContracts.DELETE.address(), body -> {
          String slug = find(body.getString("slug")).slug();
          posts.remove(slug);
          PostsContracts.CHANGED.publish(vertx.eventBus(), new PostRequests.Changed(slug, slug, 0, ChangeKind.DELETED));
          return new JsonObject();
        })
        .answer(PostsContracts.TAGS.address(), body -> new JsonObject().put("items", new JsonArray(all().stream()
            .flatMap(p -> p.tags().stream()).distinct().sorted()
            .map(tag -> new JsonObject().put("tag", tag).put("posts", all().stream()
                .filter(p -> p.tags().contains(tag)).count())).toList())))
        .answer(PostsContracts.SERIES.address(), body -> {
          throw ServiceFailure.notFound("no series named '" + body.getString("name") + "'");
        })
        .answer(PostsContracts.SEARCH.address(), body -> new JsonObject().put("items", new JsonArray(all().stream()
            .map(p -> new JsonObject().put("slug", p.slug()).put("title", p.title()).put("tags", new JsonArray(p.tags()))
                .put("status", p.status()).put("published_at", p.publishedAt()).put("rank", 0.5)
                .put("snippet_html", "<mark>Body</mark> of " + p.title())).toList())))
        .answer(PostsContracts.REVISIONS.address(), body -> {
          Post post = find(body.getString("slug"));
          return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("version", post.version())
              .put("title", post.title()).put("created_at", post.updatedAt())));
        })
        .reply(PostsContracts.OLD_PATH.address(), new JsonObject().putNull("slug"))
        .reply(PostsContracts.HEALTH.address(), new JsonObject().put("status", "UP"));
    return this;
  }

  private JsonObject write(Post post, ChangeKind change) {
    posts.put(post.slug(), post);
    PostsContracts.CHANGED.publish(vertx.eventBus(), new PostRequests.Changed(post.slug(), null, post.version(), change));
    return post.toJson();
  }

  private List<Post> all() {
    synchronized (posts) {
      return List.copyOf(posts.values());
    }
  }

  private Post find(String slug) {
    Post post = slug == null ? null : posts.get(slug);
    if (post == null) {
      throw ServiceFailure.notFound("no post with slug '" + slug + "'");
    }
    return post;
  }
}
