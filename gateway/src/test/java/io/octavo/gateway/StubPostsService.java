package io.octavo.gateway;

import io.octavo.common.ServiceFailure;
import io.octavo.common.contracts.Health;
import io.octavo.common.posts.ChangeKind;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostStatus;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.TestPost;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A posts-service stand-in for gateway tests: answers every posts.* address a reader or writer
 * reaches from an in-memory set of posts, as the contracts' records, so each status and header a
 * test sees is the gateway's doing. Readers see published posts only, newest first; lists page by
 * {@code limit} and filter by tag and series. Writes keep their post (an update at version + 1; a
 * create keeps the source, tags, date and draft status it was sent; a restored revision is the next
 * version; a post restored from trash {@code n} is the draft "Trashed n" at version 4) and announce it on
 * posts.changed as the real service does; a create titled "refuse NNN" fails with code NNN. What
 * the gateway sent is in {@link #bus()}.
 */
public final class StubPostsService {
  private final Vertx vertx;
  private final BusStub bus;
  private final Map<String, Post> posts = Collections.synchronizedMap(new LinkedHashMap<>()); // oldest first
  private final Map<String, String> moved = new ConcurrentHashMap<>();

  private StubPostsService(Vertx vertx) {
    this.vertx = vertx;
    this.bus = BusStub.on(vertx);
  }

  /** Deploys the stand-in with one published post per title, each carrying {@code tags}. */
  public static StubPostsService start(Vertx vertx, List<String> titles, List<String> tags) {
    return serving(vertx, titles.stream().map(title -> TestPost.titled(title).tags(tags).build()).toList());
  }

  /** Deploys the stand-in with {@code posts} (see {@link TestPost}). */
  public static StubPostsService serving(Vertx vertx, List<Post> posts) {
    StubPostsService service = new StubPostsService(vertx);
    posts.forEach(post -> service.posts.put(post.slug(), post));
    return service.register();
  }

  public BusStub bus() {
    return bus;
  }

  /** posts.get of {@code from} answers that the post moved to {@code to}, as after a rename. */
  public StubPostsService moved(String from, String to) {
    moved.put(from, to);
    return this;
  }

  private StubPostsService register() {
    bus.answer(PostsContracts.GET, request -> moved.containsKey(request.slug())
            ? new PostLookup.Moved(moved.get(request.slug()))
            : new PostLookup.Found(find(request.slug(), request.includeUnpublished())))
        .answer(PostsContracts.LIST, this::list)
        .answer(PostsContracts.CREATE, input -> {
          String title = Objects.requireNonNullElse(input.title(), "Created");
          if (title.matches("refuse \\d{3}")) { // a refusal, as the real service fails a message
            throw new ServiceFailure(Integer.parseInt(title.substring(7)), "refused as the posts-service would");
          }
          String markdown = Objects.requireNonNullElse(input.markdown(), "");
          TestPost post = TestPost.titled(title).markdown(markdown).html("<p>" + markdown + "</p>\n");
          if (input.tags() != null) {
            post.tags(input.tags());
          }
          if (input.publishedAt() != null) {
            post.publishedAt(input.publishedAt());
          }
          return write("draft".equals(input.status()) ? post.draft().build() : post.build(), ChangeKind.CREATED);
        })
        .answer(PostsContracts.UPDATE, request -> {
          Post current = find(request.slug(), true);
          return write(TestPost.titled(current.title()).tags(current.tags()).version(current.version() + 1).build(),
              ChangeKind.UPDATED);
        })
        .answer(PostsContracts.DELETE, request -> {
          String slug = find(request.slug(), true).slug();
          posts.remove(slug);
          PostsContracts.CHANGED.publish(vertx.eventBus(), new PostRequests.Changed(slug, slug, 0, ChangeKind.DELETED));
          return null;
        })
        .answer(PostsContracts.TAGS, request -> new PostReplies.Tags(visible(false)
            .flatMap(post -> post.tags().stream()).distinct().sorted()
            .map(tag -> new PostReplies.TagCount(tag, visible(false).filter(post -> post.tags().contains(tag)).count()))
            .toList()))
        .answer(PostsContracts.SERIES, request -> {
          List<Post> parts = visible(request.includeUnpublished()).filter(post -> request.name().equals(post.series()))
              .sorted(Comparator.comparing(Post::seriesPart)).toList();
          if (parts.isEmpty()) {
            throw ServiceFailure.notFound("no series named '" + request.name() + "'");
          }
          return new PostReplies.SeriesParts(request.name(), parts);
        })
        .answer(PostsContracts.SEARCH, request -> new PostReplies.SearchHits(visible(request.includeUnpublished())
            .map(post -> new PostReplies.SearchHit(post.slug(), post.title(), post.tags(), status(post),
                post.publishedAt(), post.series(), post.seriesPart(), 0.5f, "<mark>Body</mark> of " + post.title()))
            .toList()))
        .answer(PostsContracts.REVISIONS, request -> {
          Post post = find(request.slug(), true);
          return new PostReplies.Revisions(List.of(
              new PostReplies.RevisionEntry(post.version(), post.title(), post.updatedAt())));
        })
        .answer(PostsContracts.RESTORE_REVISION, request -> {
          Post current = find(request.slug(), true);
          return write(TestPost.titled(current.title()).tags(current.tags()).version(current.version() + 1).build(),
              ChangeKind.UPDATED);
        })
        .answer(PostsContracts.RESTORE_FROM_TRASH, request -> write(
            TestPost.titled("Trashed " + request.id()).draft().version(4).build(), ChangeKind.CREATED))
        .reply(PostsContracts.OLD_PATH, new PostReplies.OldPathMatch(null))
        .reply(PostsContracts.HEALTH, Health.up());
    return this;
  }

  /** A page newest first; the cursor is the offset of the page's first post. */
  private PostPage list(PostRequests.List request) {
    List<Post> matching = visible(request.includeUnpublished())
        .filter(post -> request.tag() == null || post.tags().contains(request.tag()))
        .filter(post -> request.series() == null || request.series().equals(post.series()))
        .toList();
    int from = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
    int to = Math.min(matching.size(), from + request.limit());
    String next = to < matching.size() ? String.valueOf(to) : null;
    return new PostPage(matching.subList(Math.min(from, to), to), next).withHtml(request.withHtml());
  }

  private Post write(Post post, ChangeKind change) {
    posts.put(post.slug(), post);
    PostsContracts.CHANGED.publish(vertx.eventBus(), new PostRequests.Changed(post.slug(), null, post.version(), change));
    return post;
  }

  /** What a reader (or, with {@code unpublished}, the admin) may see, newest first. */
  private Stream<Post> visible(boolean unpublished) {
    List<Post> newestFirst;
    synchronized (posts) {
      newestFirst = new ArrayList<>(posts.values());
    }
    Collections.reverse(newestFirst);
    return newestFirst.stream().filter(post -> unpublished || status(post) == PostStatus.PUBLISHED)
        .sorted(Comparator.comparing(Post::publishedAt, Comparator.nullsFirst(Comparator.reverseOrder())));
  }

  private static PostStatus status(Post post) {
    return PostStatus.fromWire(post.toSummaryJson().getString("status"));
  }

  private Post find(String slug, boolean unpublished) {
    Post post = slug == null ? null : posts.get(slug);
    if (post == null || !unpublished && status(post) != PostStatus.PUBLISHED) {
      throw ServiceFailure.notFound("no post with slug '" + slug + "'");
    }
    return post;
  }
}
