package io.octavo.gateway.site;

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
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /sitemap.xml}: a sitemap index of {@code /sitemap-1.xml}, {@code /sitemap-2.xml}...,
 * which list the home page and every published post with its last change, at most 50,000 URLs a
 * file (the protocol's limit; {@code OCTAVO_SITEMAP_PAGE_URLS}). The files sit at the root because
 * a sitemap may only list URLs under its own directory. All of them are built in one pass, lazily
 * ({@link LazyDocuments}).
 */
public final class SitemapHandler {
  private static final int PAGE = 100; // posts per posts.list request
  private static final Pattern FILE = Pattern.compile("[1-9][0-9]{0,5}");
  private static final String XML = "application/xml; charset=utf-8";

  /** One URL of the sitemap. */
  private record Location(String loc, String lastModified) {
  }

  /** The index and its files, built together so they always agree. */
  record Sitemaps(ResponseCache.Entry index, List<ResponseCache.Entry> files) {
    long bytes() {
      return index.body().length() + files.stream().mapToLong(file -> file.body().length()).sum();
    }
  }

  private final PostsClient posts;
  private final LazyDocuments documents;
  private final Site site;
  private final int urlsPerFile;

  public SitemapHandler(PostsClient posts, LazyDocuments documents, Site site, int urlsPerFile) {
    this.posts = posts;
    this.documents = documents;
    this.site = site;
    this.urlsPerFile = urlsPerFile;
  }

  public void index(RoutingContext ctx) {
    Responses.send(ctx, sitemaps(ctx.vertx()).map(Sitemaps::index));
  }

  /** {@code /sitemap-:n.xml}. */
  public void file(RoutingContext ctx) {
    String n = PathParams.get(ctx, "n");
    if (!FILE.matcher(n).matches()) {
      throw ServiceFailure.notFound("there is no such sitemap");
    }
    int number = Integer.parseInt(n);
    Responses.send(ctx, sitemaps(ctx.vertx())
        .compose(sitemaps -> number <= sitemaps.files().size() ? Future.succeededFuture(sitemaps.files().get(number - 1))
            : Future.failedFuture(ServiceFailure.notFound("there is no sitemap " + number))));
  }

  private Future<Sitemaps> sitemaps(Vertx vertx) {
    return documents.get("sitemap", () -> {
      List<Location> locations = new ArrayList<>();
      locations.add(new Location(site.baseUrl() + "/", null));
      // hashing and gzipping files of up to 50,000 URLs is too much for an event loop
      return collect(null, locations).compose(done -> vertx.executeBlocking(() -> build(locations), false));
    }, Sitemaps::bytes);
  }

  /** Pages through the published posts, keyset by keyset, one request at a time. */
  private Future<Void> collect(String cursor, List<Location> locations) {
    return posts.list(new PostRequests.List(PAGE, cursor, null, null, false)).compose((PostPage page) -> {
      for (Post post : page.items()) {
        locations.add(new Location(site.postUrl(post.slug()), post.updatedAt()));
      }
      return page.nextCursor() == null ? Future.succeededFuture() : collect(page.nextCursor(), locations);
    });
  }

  private Sitemaps build(List<Location> locations) {
    int perFile = urlsPerFile;
    List<ResponseCache.Entry> files = new ArrayList<>();
    StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int from = 0; from < locations.size(); from += perFile) {
      List<Location> part = locations.subList(from, Math.min(locations.size(), from + perFile));
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
      String newest = null;
      for (Location location : part) {
        element(xml, "url", location.loc(), location.lastModified());
        if (location.lastModified() != null && (newest == null || location.lastModified().compareTo(newest) > 0)) {
          newest = location.lastModified();
        }
      }
      files.add(ResponseCache.Entry.of(xml.append("</urlset>\n").toString(), XML));
      element(index, "sitemap", site.baseUrl() + "/sitemap-" + files.size() + ".xml", newest);
    }
    return new Sitemaps(ResponseCache.Entry.of(index.append("</sitemapindex>\n").toString(), XML), List.copyOf(files));
  }

  private static void element(StringBuilder xml, String name, String loc, String lastModified) {
    xml.append("  <").append(name).append("><loc>").append(escape(loc)).append("</loc>");
    if (lastModified != null) {
      xml.append("<lastmod>").append(escape(lastModified)).append("</lastmod>");
    }
    xml.append("</").append(name).append(">\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
