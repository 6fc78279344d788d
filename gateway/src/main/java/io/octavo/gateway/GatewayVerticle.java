package io.octavo.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.media.MediaClient;
import io.octavo.common.ops.OpsRoutes;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.render.RenderClient;
import io.octavo.gateway.api.DocsHandler;
import io.octavo.gateway.api.ImportExportHandler;
import io.octavo.gateway.api.MediaHandler;
import io.octavo.gateway.api.MediaReceiver;
import io.octavo.gateway.api.PostsHandler;
import io.octavo.gateway.api.RenderHandler;
import io.octavo.gateway.api.RevisionsHandler;
import io.octavo.gateway.api.SearchHandler;
import io.octavo.gateway.api.SeriesHandler;
import io.octavo.gateway.api.TagsHandler;
import io.octavo.gateway.api.TrashHandler;
import io.octavo.gateway.edge.AccessLog;
import io.octavo.gateway.edge.AdminAuth;
import io.octavo.gateway.edge.AllowedMethods;
import io.octavo.gateway.edge.HeadRequests;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.Problems;
import io.octavo.gateway.edge.RateLimits;
import io.octavo.gateway.edge.RequestBodies;
import io.octavo.gateway.edge.RequestFraming;
import io.octavo.gateway.edge.RequestIds;
import io.octavo.gateway.edge.ResponseCache;
import io.octavo.gateway.edge.SecurityHeaders;
import io.octavo.gateway.site.AssetsHandler;
import io.octavo.gateway.site.FeedsHandler;
import io.octavo.gateway.site.MediaFilesHandler;
import io.octavo.gateway.site.OldPathRedirects;
import io.octavo.gateway.site.PagesHandler;
import io.octavo.gateway.site.SitemapHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The HTTP API's routes. Handlers live in classes per resource; errors in {@link Problems}. */
public final class GatewayVerticle extends VerticleBase {
  /** Long enough for any path or query a client has reason to send; beyond it Netty answers 414. */
  private static final int MAX_REQUEST_LINE = 64 * 1024;

  private final GatewaySettings settings;
  private final GatewayShared shared;
  private final HealthChecks readiness;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;
  private Router router;

  GatewayVerticle(GatewaySettings settings, GatewayShared shared, HealthChecks readiness,
                  PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.shared = shared;
    this.readiness = readiness;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    AdminAuth auth = new AdminAuth(settings.adminToken(), shared.limits());
    RateLimits limits = shared.limits();
    ResponseCache cache = shared.cache();
    PostsClient postsClient = new PostsClient(vertx, settings.busTimeout());
    PostsHandler posts = new PostsHandler(postsClient, cache);
    RevisionsHandler revisions = new RevisionsHandler(postsClient);
    TrashHandler trash = new TrashHandler(postsClient);
    TagsHandler tags = new TagsHandler(postsClient);
    SeriesHandler series = new SeriesHandler(postsClient);
    SearchHandler search = new SearchHandler(postsClient);
    RenderHandler render = new RenderHandler(new RenderClient(vertx, settings.busTimeout()));
    FeedsHandler feeds = new FeedsHandler(postsClient, shared.documents(), settings.site());
    SitemapHandler sitemap = new SitemapHandler(postsClient, shared.documents(), settings.site(), settings.sitemapPageUrls());
    DocsHandler docs = shared.docs();
    OldPathRedirects oldPaths = new OldPathRedirects(postsClient);
    PagesHandler pages = new PagesHandler(postsClient, cache, settings.site(), oldPaths);
    AssetsHandler assets = shared.assets();
    MediaClient mediaClient = new MediaClient(vertx, settings.busTimeout());
    MediaHandler media = new MediaHandler(vertx, mediaClient, shared.media().settings());
    MediaFilesHandler mediaFiles = new MediaFilesHandler(mediaClient, shared.media(), registry);
    ImportExportHandler imports = new ImportExportHandler(vertx, postsClient, settings.maxImportBytes(), mediaClient, shared.media().settings());
    RequestBodies bodies = new RequestBodies(shared.bodies(), settings.maxBodyBytes(), settings.edge().bodyTimeout());

    router = Router.router(vertx);
    router.route().method(HttpMethod.HEAD).handler(HeadRequests::asGet);
    router.route().handler(settings.trustedProxies()::assign).handler(RequestIds::assign).handler(AccessLog::handle).handler(SecurityHeaders::handle)
        .handler(RequestBodies::closeUnreadBodies).handler(PathParams::checkEncoding);
    router.route("/api/*").handler(cors());
    router.route("/*").method(HttpMethod.GET).pathRegex("^/(feed\\.xml|rss\\.xml|feed\\.json|sitemap\\.xml|openapi\\.json|(tags|series)/.*)$")
        .handler(cors());

    // public reads: anyone, limited per address unless the caller is an admin
    read(router, "/api/posts", auth, limits, posts::list);
    read(router, "/api/posts/:slug", auth, limits, posts::get);
    read(router, "/api/tags", auth, limits, tags::list);
    read(router, "/api/series/:name", auth, limits, series::get);
    read(router, "/api/search", auth, limits, search::search);

    // writes and admin reads; a body is read only after auth (RequestBodies says why and how)
    router.post("/api/posts").handler(auth::require).handler(bodies::buffered).handler(posts::create);
    router.put("/api/posts/:slug").handler(auth::require).handler(bodies::buffered).handler(posts::update);
    router.delete("/api/posts/:slug").handler(auth::require).handler(posts::delete);
    router.get("/api/posts/:slug/revisions").handler(auth::require).handler(revisions::list);
    router.get("/api/posts/:slug/revisions/:n").handler(auth::require).handler(revisions::get);
    router.post("/api/posts/:slug/revisions/:n/restore").handler(auth::require).handler(revisions::restore);
    router.get("/api/trash").handler(auth::require).handler(trash::list);
    router.post("/api/trash/:id/restore").handler(auth::require).handler(trash::restore);
    router.post("/api/render").handler(auth::require).handler(bodies::buffered).handler(render::preview);
    // streamed to disk: nothing held in memory, but a deadline all the same
    router.post("/api/import").handler(auth::require)
        .handler(ctx -> bodies.streamed(ctx, settings.edge().importUploadTimeout(), 0)).handler(imports::upload);
    router.get("/api/import/:id").handler(auth::require).handler(imports::status);
    router.get("/api/export").handler(auth::require).handler(imports::export);
    router.post("/api/media").handler(auth::require)
        .handler(ctx -> bodies.streamed(ctx, shared.media().settings().uploadTimeout(), MediaReceiver.HELD_BYTES))
        .handler(media::upload); // authenticated first, then streamed a chunk at a time
    router.get("/api/media").handler(auth::require).handler(media::list);
    router.get("/api/media/:id").handler(auth::require).handler(media::get);
    router.delete("/api/media/:id").handler(auth::require).handler(media::delete);

    // feeds and sitemap
    read(router, "/feed.xml", auth, limits, ctx -> feeds.blog(ctx, FeedsHandler.Format.ATOM));
    read(router, "/rss.xml", auth, limits, ctx -> feeds.blog(ctx, FeedsHandler.Format.RSS));
    read(router, "/feed.json", auth, limits, ctx -> feeds.blog(ctx, FeedsHandler.Format.JSON));
    read(router, "/tags/:tag/feed.xml", auth, limits, ctx -> feeds.tag(ctx, FeedsHandler.Format.ATOM));
    read(router, "/tags/:tag/rss.xml", auth, limits, ctx -> feeds.tag(ctx, FeedsHandler.Format.RSS));
    read(router, "/tags/:tag/feed.json", auth, limits, ctx -> feeds.tag(ctx, FeedsHandler.Format.JSON));
    read(router, "/series/:name/feed.xml", auth, limits, ctx -> feeds.series(ctx, FeedsHandler.Format.ATOM));
    read(router, "/series/:name/rss.xml", auth, limits, ctx -> feeds.series(ctx, FeedsHandler.Format.RSS));
    read(router, "/series/:name/feed.json", auth, limits, ctx -> feeds.series(ctx, FeedsHandler.Format.JSON));
    read(router, "/sitemap.xml", auth, limits, sitemap::index);
    read(router, "/sitemap-:n.xml", auth, limits, sitemap::file);

    // the blog's pages and their assets
    read(router, "/", auth, limits, pages::index);
    read(router, "/posts/:slug", auth, limits, pages::post);
    read(router, "/tags/:tag", auth, limits, pages::tag);
    read(router, "/series/:name", auth, limits, pages::series);
    read(router, "/search", auth, limits, pages::search);
    read(router, "/archive", auth, limits, pages::archive);
    router.get("/robots.txt").handler(pages::robots);
    router.get("/assets/:root/*").handler(assets::serve);
    router.get("/media/:sha256/:name").handler(mediaFiles::serve);

    // the API's reference
    router.get("/openapi.json").handler(docs::openapi);
    router.get("/docs").handler(docs::page); // also matches /docs/
    router.get("/docs/init.js").handler(docs::init);
    router.get("/docs/swagger-ui-bundle.js").handler(docs::bundle);
    router.get("/docs/swagger-ui.css").handler(docs::css);

    OpsRoutes.mount(router, readiness, registry);

    router.route().failureHandler(Problems::handle);
    for (int status : new int[] {400, 413, 414, 415, 431, 500}) {
      router.errorHandler(status, Problems::handle);
    }
    router.errorHandler(405, AllowedMethods.of(router)::handle405);
    router.errorHandler(404, ctx -> oldPaths.redirectOr(ctx, notFound -> {
      if (isPage(notFound)) {
        pages.notFound(notFound); // a reader who followed a dead link gets a page, the API a problem
      } else {
        Problems.handle(notFound);
      }
    }));
    HttpServerOptions options = new HttpServerOptions()
        // HTTP/2 belongs at the TLS edge (the load balancer); an h2c upgrade behind it would turn a
        // drain into GOAWAYs that plain clients do not retry
        .setHttp2ClearTextEnabled(false)
        // pages, feeds and the API are text: gzip or deflate when the client asks (1.2 MB of MathJax too)
        .setCompressionSupported(true)
        .setMaxInitialLineLength(MAX_REQUEST_LINE)
        .setMaxHeaderSize(MAX_REQUEST_LINE)
        .setIdleTimeout((int) settings.edge().idleTimeout().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    server = vertx.createHttpServer(options);
    return server.connectionHandler(connection -> RequestFraming.install(connection, options))
        .requestHandler(router).listen(settings.httpPort());
  }

  /** The routes, once started: a test holds them to the OpenAPI document. */
  Router router() {
    return router;
  }

  /**
   * Drains: /ready turns 503 so load balancers stop sending, then (after the drain delay) the
   * server stops accepting, lets requests in flight finish (at most the grace period) and closes.
   * Vert.x leaves the cluster only after this.
   */
  @Override
  public Future<?> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    shared.draining().set(true);
    Future<?> delay = settings.drainDelay().isZero() ? Future.succeededFuture()
        : vertx.timer(settings.drainDelay().toMillis());
    return delay.compose(done -> server.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS));
  }

  /** A browser asking for a page (it accepts HTML), not an API client: it gets the friendly 404. */
  private static boolean isPage(RoutingContext ctx) {
    String path = ctx.request().path();
    String accept = ctx.request().getHeader("accept");
    return ctx.request().method() == HttpMethod.GET && accept != null && accept.contains("text/html")
        && !path.startsWith("/api/");
  }

  private static void read(Router router, String path, AdminAuth auth, RateLimits limits,
                           Handler<RoutingContext> handler) {
    router.get(path).handler(auth::identify).handler(limits::limitReads).handler(handler);
  }

  private CorsHandler cors() {
    CorsHandler cors = CorsHandler.create();
    if (settings.corsOrigins().contains("*")) {
      cors.addOrigin("*");
    } else {
      cors.addOrigins(settings.corsOrigins());
    }
    return cors
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS))
        .allowedHeaders(Set.of("authorization", "content-type", "if-match", "if-none-match", "x-request-id"))
        .exposedHeaders(Set.of("etag", "location", "retry-after", "x-request-id", "ratelimit-limit",
            "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy"))
        .maxAgeSeconds(600);
  }
}
