package io.octavo.render;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.octavo.common.Addresses;
import io.octavo.common.bus.MeteredConsumers;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.render.RenderRequest;
import io.octavo.common.render.Rendered;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** Answers {@code render.markdown}; the CPU work runs on worker threads, never on the event loop. */
public final class RenderVerticle extends VerticleBase {
  private final MarkdownRenderer renderer;
  private final ServiceMeters meters;
  private Timer renderTime;
  private DistributionSummary sourceSize;
  private DistributionSummary htmlSize;

  public RenderVerticle(MarkdownRenderer renderer, MeterRegistry registry) {
    this.renderer = renderer;
    this.meters = new ServiceMeters(registry, RenderService.NAME, "RenderVerticle");
  }

  @Override
  public Future<?> start() {
    renderTime = meters.timer("octavo.render.time");
    sourceSize = meters.summary("octavo.render.source.size", "bytes");
    htmlSize = meters.summary("octavo.render.html.size", "bytes");
    MeteredConsumers consumers = new MeteredConsumers(vertx, meters);
    return Future.all(
        consumers.register(Addresses.RENDER_MARKDOWN, this::render),
        consumers.register(Addresses.RENDER_HEALTH, body -> Future.succeededFuture(
            new JsonObject().put("status", "UP").put("renderer_version", MarkdownRenderer.VERSION))));
  }

  private Future<JsonObject> render(JsonObject body) {
    String markdown = RenderRequest.fromJson(body).markdown();
    return vertx.executeBlocking(() -> renderTime.recordCallable(() -> renderer.render(markdown)), false)
        .map(rendered -> {
          sourceSize.record(markdown.getBytes(StandardCharsets.UTF_8).length);
          htmlSize.record(rendered.html().length());
          return rendered.toJson();
        });
  }
}
