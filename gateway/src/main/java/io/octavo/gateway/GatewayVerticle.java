package io.octavo.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.octavo.common.ops.OpsRoutes;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.render.RenderClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP API's routes. Handlers live in classes per resource; errors in {@link Problems}. */
public final class GatewayVerticle extends VerticleBase {
  private final GatewaySettings settings;
  private final HealthChecks readiness;
  private final PrometheusMeterRegistry registry;

  public GatewayVerticle(GatewaySettings settings, HealthChecks readiness, PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.readiness = readiness;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    AdminAuth auth = new AdminAuth(settings.adminToken());
    PostsClient postsClient = new PostsClient(vertx, settings.busTimeout());
    PostsHandler posts = new PostsHandler(postsClient);
    RevisionsHandler revisions = new RevisionsHandler(postsClient);
    TrashHandler trash = new TrashHandler(postsClient);
    TagsHandler tags = new TagsHandler(postsClient);
    SeriesHandler series = new SeriesHandler(postsClient);
    SearchHandler search = new SearchHandler(postsClient);
    RenderHandler render = new RenderHandler(new RenderClient(vertx, settings.busTimeout()));

    Router router = Router.router(vertx);
    router.route().handler(RequestIds::assign);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes());

    router.post("/api/posts").handler(body).handler(auth::require).handler(posts::create);
    router.get("/api/posts").handler(auth::identify).handler(posts::list);
    router.get("/api/posts/:slug").handler(auth::identify).handler(posts::get);
    router.put("/api/posts/:slug").handler(body).handler(auth::require).handler(posts::update);
    router.delete("/api/posts/:slug").handler(auth::require).handler(posts::delete);
    router.get("/api/posts/:slug/revisions").handler(auth::require).handler(revisions::list);
    router.get("/api/posts/:slug/revisions/:n").handler(auth::require).handler(revisions::get);
    router.post("/api/posts/:slug/revisions/:n/restore").handler(auth::require).handler(revisions::restore);
    router.get("/api/trash").handler(auth::require).handler(trash::list);
    router.post("/api/trash/:id/restore").handler(auth::require).handler(trash::restore);
    router.get("/api/tags").handler(auth::identify).handler(tags::list);
    router.get("/api/series/:name").handler(auth::identify).handler(series::get);
    router.get("/api/search").handler(auth::identify).handler(search::search);
    router.post("/api/render").handler(body).handler(auth::require).handler(render::preview);

    OpsRoutes.mount(router, readiness, registry);

    router.route().failureHandler(Problems::handle);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, Problems::handle);
    }
    return vertx.createHttpServer().requestHandler(router).listen(settings.httpPort());
  }
}
