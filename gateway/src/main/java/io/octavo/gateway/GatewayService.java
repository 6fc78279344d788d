package io.octavo.gateway;

import io.octavo.common.media.MediaContracts;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.node.Node;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.posts.PostsContracts;
import io.octavo.gateway.api.DocsHandler;
import io.octavo.gateway.edge.AccessLog;
import io.octavo.gateway.edge.BodyBudget;
import io.octavo.gateway.edge.MediaSettings;
import io.octavo.gateway.edge.RateLimits;
import io.octavo.gateway.edge.ResponseCache;
import io.octavo.gateway.site.AssetsHandler;
import io.octavo.gateway.site.LazyDocuments;
import io.octavo.gateway.site.MediaCache;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deploys the gateway onto a node. It is ready while it can serve readers: the posts-service (and
 * through its health check, PostgreSQL) answers. The render-service is not a condition: without
 * it writes are stored as render_pending and reads go on, so taking the gateway out of the load
 * balancer would turn a degraded write path into a site that is down.
 */
public final class GatewayService {
  public static final String NAME = "gateway";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  /** Feeds and sitemaps kept per process: a sitemap of 50,000 posts is about 6 MB. */
  private static final long FEED_BYTES = 32L * 1024 * 1024;

  private GatewayService() {
  }

  /** Returns the deployment id: undeploying it drains the HTTP server gracefully. */
  public static Future<String> deploy(Node node, GatewaySettings settings) {
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    return share(node, settings).compose(shared -> node.vertx().deployVerticle(
        () -> new GatewayVerticle(settings, shared, node.readiness(), node.registry()),
        new DeploymentOptions().setInstances(instances)));
  }

  /** What the process's verticles share, with the readiness checks, meters and change consumers it needs. */
  static Future<GatewayShared> share(Node node, GatewaySettings settings) {
    PostsClient posts = new PostsClient(node.vertx(), PROBE_TIMEOUT);
    node.readiness().register("posts-service-reachable", 3_000,
        promise -> posts.health().onComplete(result -> promise.complete(result.succeeded() ? Status.OK() : Status.KO())));
    settings.adminToken().watch(node.vertx());
    ResponseCache cache = new ResponseCache(settings.edge().cacheMaxBytes());
    // a budget smaller than the largest body would refuse that body forever
    BodyBudget bodies = new BodyBudget(Math.max(settings.edge().bodyBufferBytes(), settings.maxBodyBytes()));
    AtomicBoolean draining = new AtomicBoolean();
    ServiceMeters meters = new ServiceMeters(node.registry(), NAME, GatewayVerticle.class.getSimpleName());
    meters.functionCounter("octavo.access.log.dropped", AccessLog.class, ignored -> AccessLog.dropped());
    meters.gauge("octavo.cache.entries", cache, ResponseCache::size);
    meters.gauge("octavo.cache.bytes", cache, ResponseCache::weightedBytes);
    meters.gauge("octavo.request.body.buffer.bytes", bodies, BodyBudget::reserved);
    node.readiness().register("accepting-traffic", promise -> promise.complete(draining.get()
        ? Status.KO(new JsonObject().put("reason", "draining for shutdown")) : Status.OK()));
    LazyDocuments documents = new LazyDocuments(settings.feedRefresh(), FEED_BYTES);
    MediaCache media = new MediaCache(MediaSettings.fromEnv(node.env()), node.registry());
    return PostsContracts.CHANGED.subscribe(node.vertx().eventBus(), change -> {
          cache.invalidateAll();
          documents.changed();
        })
        .compose(registered -> MediaContracts.CHANGED.subscribe(node.vertx().eventBus(),
            change -> media.forget(change.sha256())))
        .compose(registered -> DocsHandler.load(node.vertx()))
        .map(docs -> new GatewayShared(new RateLimits(settings.anonymousReadsPerMinute(), settings.authFailuresPerMinute(), meters),
            cache, docs, new AssetsHandler(), draining, documents, media, bodies));
  }
}
