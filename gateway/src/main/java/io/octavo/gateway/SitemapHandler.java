package io.octavo.gateway;

import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostPage;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code /sitemap.xml}: the home page and every published post, with its last change. */
final class SitemapHandler {
  private static final int MAX_URLS = 50_000; // the sitemap protocol's limit per file
  private static final int PAGE = 100;

  private final PostsClient posts;
  private final ResponseCache cache;
  private final GatewaySettings settings;

  SitemapHandler(PostsClient posts, ResponseCache cache, GatewaySettings settings) {
    this.posts = posts;
    this.cache = cache;
    this.settings = settings;
  }

  void sitemap(RoutingContext ctx) {
    ResponseCache.Entry hit = cache.get("sitemap");
    if (hit != null) {
      Responses.send(ctx, hit);
      return;
    }
    long generation = cache.generation();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    url(xml, settings.publicUrl() + "/", null);
    collect(null, xml, 1)
        .onSuccess(done -> Responses.send(ctx, cache.put("sitemap",
            ResponseCache.Entry.of(xml.append("</urlset>\n").toString(), "application/xml; charset=utf-8"), generation)))
        .onFailure(ctx::fail);
  }

  /** Pages through the published posts, keyset by keyset, one request at a time. */
  private Future<Void> collect(String cursor, StringBuilder xml, int count) {
    return posts.list(new PostRequests.List(PAGE, cursor, null, null, false)).compose((PostPage page) -> {
      int written = count;
      for (Post post : page.items()) {
        if (written >= MAX_URLS) {
          return Future.succeededFuture();
        }
        url(xml, settings.publicUrl() + "/posts/" + post.slug(), post.updatedAt());
        written++;
      }
      return page.nextCursor() == null ? Future.succeededFuture() : collect(page.nextCursor(), xml, written);
    });
  }

  private static void url(StringBuilder xml, String loc, String lastModified) {
    xml.append("  <url><loc>").append(escape(loc)).append("</loc>");
    if (lastModified != null) {
      xml.append("<lastmod>").append(escape(lastModified)).append("</lastmod>");
    }
    xml.append("</url>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
