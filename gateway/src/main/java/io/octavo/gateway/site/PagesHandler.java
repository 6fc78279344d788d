package io.octavo.gateway.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostReplies;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.posts.SlugFormat;
import io.octavo.gateway.edge.MovedPost;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.QueryParams;
import io.octavo.gateway.edge.ResponseCache;
import io.octavo.gateway.edge.Responses;
import io.octavo.gateway.edge.SecurityHeaders;
import io.octavo.gateway.site.pages.Format;
import io.octavo.gateway.site.pages.PostView;
import io.octavo.gateway.site.pages.Site;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The blog a reader sees: the index, a post, a tag, a series, search, the archive and a friendly
 * 404, rendered on the server from jte templates compiled at build time (HTML-escaped by default;
 * only post HTML the render-service sanitised is inserted raw). Pages show what an anonymous reader
 * may see, are cached like API reads, and carry ETags.
 */
public final class PagesHandler {
  private static final String HTML = "text/html; charset=utf-8";
  private static final int PAGE = 10;
  private static final int ARCHIVE_MAX = 2_000;

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final PostsClient posts;
  private final ResponseCache cache;
  private final Site site;

  private final OldPathRedirects oldPaths;

  public PagesHandler(PostsClient posts, ResponseCache cache, Site site, OldPathRedirects oldPaths) {
    this.posts = posts;
    this.cache = cache;
    this.oldPaths = oldPaths;
    this.site = site;
  }

  public void index(RoutingContext ctx) {
    String cursor = cursor(ctx);
    cached(ctx, cursor, () -> posts.list(new PostRequests.List(PAGE, cursor, null, null, false)).map(page ->
        render("listing.jte", "title", site.title(), "heading", "Latest posts", "path", "/",
            "posts", page.items(), "next", next("/", page))));
  }

  public void post(RoutingContext ctx) {
    String slug = PathParams.get(ctx, "slug");
    if (!SlugFormat.isValid(slug)) {
      oldPaths.redirectOr(ctx, this::notFound);
      return;
    }
    cached(ctx, null, () -> posts.get(new PostRequests.Get(slug, false)).compose(MovedPost::found)
        .map(post -> render("post.jte", "view", PostView.of(post, site))));
  }

  public void tag(RoutingContext ctx) {
    String tag = PathParams.get(ctx, "tag");
    String cursor = cursor(ctx);
    cached(ctx, cursor, () -> posts.list(new PostRequests.List(PAGE, cursor, tag, null, false)).compose(page ->
        page.items().isEmpty() && cursor == null ? Future.failedFuture(ServiceFailure.notFound("no such tag"))
            : Future.succeededFuture(render("listing.jte", "title", "#" + tag + " · " + site.title(),
                "heading", "Posts tagged #" + tag, "path", "/tags/" + Format.segment(tag), "posts", page.items(),
                "next", next("/tags/" + Format.segment(tag), page)))));
  }

  public void series(RoutingContext ctx) {
    String name = PathParams.get(ctx, "name");
    cached(ctx, null, () -> posts.series(new PostRequests.Series(name, false)).map(series ->
        render("listing.jte", "title", name + " · " + site.title(), "heading", "Series: " + name,
            "path", "/series/" + Format.segment(name), "posts", series.parts())));
  }

  public void search(RoutingContext ctx) {
    String query = ctx.queryParams().get("q") == null ? "" : ctx.queryParams().get("q").strip();
    if (query.length() > PostRequests.Search.MAX_QUERY) {
      throw ServiceFailure.badRequest("search for at most " + PostRequests.Search.MAX_QUERY + " characters");
    }
    Future<List<PostReplies.SearchHit>> hits = query.isEmpty() ? Future.succeededFuture(List.of())
        : posts.search(new PostRequests.Search(query, 20, null, false)).map(PostReplies.SearchHits::items);
    hits.onSuccess(found -> send(ctx, ResponseCache.Entry.of(
            render("search.jte", "query", query, "hits", found), HTML)))
        .onFailure(ctx::fail);
  }

  public void archive(RoutingContext ctx) {
    cached(ctx, null, () -> collect(null, new ArrayList<>()).map(all -> {
      Map<String, List<Post>> years = new LinkedHashMap<>();
      all.forEach(post -> years.computeIfAbsent(Format.year(post.publishedAt()), year -> new ArrayList<>()).add(post));
      return render("archive.jte", "years", years);
    }));
  }

  /** Every page may be crawled (drafts are never on one); the sitemap lists the posts. */
  public void robots(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "text/plain; charset=utf-8")
        .putHeader("cache-control", "public, max-age=3600")
        .end("User-agent: *\nDisallow: /api/\nAllow: /\n\nSitemap: " + site.baseUrl() + "/sitemap.xml\n");
  }

  /** The friendly 404, for pages; the API keeps its problem documents. */
  public void notFound(RoutingContext ctx) {
    // written as is: a 404 is never cached, so it needs no validator nor a gzipped copy
    SecurityHeaders.Policy.PAGE.apply(ctx);
    ctx.response().setStatusCode(404)
        .putHeader("content-type", HTML).putHeader("cache-control", "no-cache")
        .end(render("notfound.jte", "path", ctx.request().path()));
  }

  private Future<List<Post>> collect(String cursor, List<Post> into) {
    return posts.list(new PostRequests.List(100, cursor, null, null, false)).compose(page -> {
      into.addAll(page.items());
      return page.nextCursor() == null || into.size() >= ARCHIVE_MAX ? Future.succeededFuture(into)
          : collect(page.nextCursor(), into);
    });
  }

  /**
   * Serves from the replica's cache, or renders and stores; a missing post or tag is the friendly
   * 404. The key is the path and the one query parameter pages read: {@code ?utm_source=...} and
   * other parameters a client adds get the same entry, so they cannot fill the cache.
   */
  private void cached(RoutingContext ctx, String cursor, Supplier<Future<String>> page) {
    String key = "page:" + ctx.request().path() + (cursor == null ? "" : "?cursor=" + cursor);
    cache.read(key, () -> page.get().map(html -> ResponseCache.Entry.of(html, HTML)))
        .onSuccess(entry -> send(ctx, entry))
        .onFailure(error -> {
          if (error instanceof MovedPost moved) {
            // 301 as documented (ctx.redirect would answer 302): the old slug is gone for good
            ctx.response().setStatusCode(301).putHeader("location", "/posts/" + SlugFormat.urlPath(moved.slug())).end();
          } else if (ServiceFailure.codeOf(error) == 404) {
            oldPaths.redirectOr(ctx, this::notFound); // pages are for readers: a missing post is the friendly page whatever Accept says
          } else {
            ctx.fail(error);
          }
        });
  }

  private static void send(RoutingContext ctx, ResponseCache.Entry page) {
    SecurityHeaders.Policy.PAGE.apply(ctx);
    Responses.send(ctx, page);
  }

  private String render(String template, Object... namesAndValues) {
    Map<String, Object> params = new HashMap<>();
    params.put("site", site);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    StringOutput output = new StringOutput();
    templates.render(template, params, output);
    return output.toString();
  }

  private static String next(String path, PostPage page) {
    return page.nextCursor() == null ? null : path + "?cursor=" + page.nextCursor();
  }

  private static String cursor(RoutingContext ctx) {
    return QueryParams.cursor(ctx.queryParams().get("cursor"), "cursor is not one this site made");
  }
}
