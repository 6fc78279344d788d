package io.octavo.gateway.site;

import static io.octavo.gateway.site.pages.Format.segment;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.ResponseCache;
import io.octavo.gateway.edge.Responses;
import io.octavo.gateway.site.pages.Site;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom ({@code feed.xml}), RSS 2.0 ({@code rss.xml}) and JSON Feed 1.1 ({@code feed.json}) of the
 * latest published posts, for the whole blog, a tag or a series. Entries carry the full rendered
 * HTML and absolute URLs from the public base URL. Atom and RSS are written by ROME.
 */
public final class FeedsHandler {
  private static final int ENTRIES = 20;

  public enum Format {
    ATOM("atom_1.0", "application/atom+xml; charset=utf-8"),
    RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
    JSON(null, "application/feed+json; charset=utf-8");

    final String romeType;
    final String contentType;

    Format(String romeType, String contentType) {
      this.romeType = romeType;
      this.contentType = contentType;
    }
  }

  /** Which posts a feed holds: all, one tag's or one series'. */
  private record Scope(String tag, String series, String title, String pagePath) {
  }

  private final PostsClient posts;
  private final LazyDocuments documents;
  private final Site site;

  public FeedsHandler(PostsClient posts, LazyDocuments documents, Site site) {
    this.posts = posts;
    this.documents = documents;
    this.site = site;
  }

  public void blog(RoutingContext ctx, Format format) {
    serve(ctx, format, new Scope(null, null, site.title(), "/"));
  }

  public void tag(RoutingContext ctx, Format format) {
    String tag = PathParams.get(ctx, "tag");
    serve(ctx, format, new Scope(tag, null, site.title() + ": " + tag, "/tags/" + segment(tag)));
  }

  public void series(RoutingContext ctx, Format format) {
    String series = PathParams.get(ctx, "name");
    serve(ctx, format, new Scope(null, series, site.title() + ": " + series, "/series/" + segment(series)));
  }

  private void serve(RoutingContext ctx, Format format, Scope scope) {
    if ((scope.tag() != null && (scope.tag().isBlank() || scope.tag().length() > 64))
        || (scope.series() != null && (scope.series().isBlank() || scope.series().length() > 200))) {
      throw ServiceFailure.notFound("no such feed");
    }
    String path = ctx.request().path();
    Responses.send(ctx, documents.get("feed:" + path,
        () -> build(ctx.vertx(), format, scope, site.baseUrl() + path), entry -> entry.body().length()));
  }

  private Future<ResponseCache.Entry> build(Vertx vertx, Format format, Scope scope, String self) {
    return posts.list(new PostRequests.List(ENTRIES, null, scope.tag(), scope.series(), false, true))
        .compose(page -> scope.tag() == null && scope.series() == null || !page.items().isEmpty()
            ? Future.succeededFuture(page)
            : Future.<PostPage>failedFuture(ServiceFailure.notFound("nothing is published under " + scope.pagePath())))
        // writing, hashing and gzipping twenty full posts is too much for an event loop
        .compose(page -> vertx.executeBlocking(
            () -> ResponseCache.Entry.of(write(format, scope, self, page.items()), format.contentType), false));
  }

  private String write(Format format, Scope scope, String self, List<Post> items) throws FeedException {
    return format == Format.JSON ? jsonFeed(scope, self, items).encodePrettily() : romeFeed(format, scope, self, items);
  }

  private String romeFeed(Format format, Scope scope, String self, List<Post> items) throws FeedException {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format.romeType);
    feed.setTitle(scope.title());
    feed.setDescription(site.description());
    feed.setLink(site.baseUrl() + scope.pagePath());
    feed.setUri(self);
    SyndLink selfLink = new SyndLinkImpl();
    selfLink.setRel("self");
    selfLink.setHref(self);
    feed.setLinks(List.of(selfLink));
    feed.setPublishedDate(items.isEmpty() ? new Date(0) : date(items.get(0).updatedAt()));
    List<SyndEntry> entries = new ArrayList<>();
    for (Post post : items) {
      SyndEntry entry = new SyndEntryImpl();
      String url = site.postUrl(post.slug());
      entry.setTitle(post.title());
      entry.setLink(url);
      entry.setUri(url);
      entry.setPublishedDate(date(post.publishedAt()));
      entry.setUpdatedDate(date(post.updatedAt()));
      SyndContent content = new SyndContentImpl();
      content.setType("html");
      content.setValue(post.html() == null ? post.excerptHtml() : post.html());
      if (format == Format.RSS) {
        entry.setDescription(content);
      } else {
        entry.setContents(List.of(content));
        if (post.description() != null || post.excerptHtml() != null && !post.excerptHtml().isEmpty()) {
          SyndContent summary = new SyndContentImpl(); // the writer's description, else the excerpt
          summary.setType(post.description() != null ? "text" : "html");
          summary.setValue(post.description() != null ? post.description() : post.excerptHtml());
          entry.setDescription(summary);
        }
      }
      List<SyndCategory> categories = new ArrayList<>();
      for (String tag : post.tags()) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(tag);
        categories.add(category);
      }
      entry.setCategories(categories);
      entries.add(entry);
    }
    feed.setEntries(entries);
    return new SyndFeedOutput().outputString(feed);
  }

  private JsonObject jsonFeed(Scope scope, String self, List<Post> items) {
    JsonArray entries = new JsonArray();
    for (Post post : items) {
      entries.add(new JsonObject()
          .put("id", site.postUrl(post.slug()))
          .put("url", site.postUrl(post.slug()))
          .put("title", post.title())
          .put("content_html", post.html() == null ? post.excerptHtml() : post.html())
          .put("summary", post.description() != null ? post.description() : post.excerptHtml())
          .put("date_published", post.publishedAt())
          .put("date_modified", post.updatedAt())
          .put("tags", new JsonArray(post.tags())));
    }
    return new JsonObject()
        .put("version", "https://jsonfeed.org/version/1.1")
        .put("title", scope.title())
        .put("description", site.description())
        .put("home_page_url", site.baseUrl() + scope.pagePath())
        .put("feed_url", self)
        .put("items", entries);
  }

  private static Date date(String iso) {
    return iso == null ? new Date(0) : Date.from(OffsetDateTime.parse(iso).toInstant());
  }
}
