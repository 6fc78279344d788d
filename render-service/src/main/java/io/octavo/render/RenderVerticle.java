package io.octavo.render;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.octavo.common.bus.MeteredConsumers;
import io.octavo.common.contracts.Health;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.common.render.RenderContracts;
import io.octavo.common.render.RenderRequest;
import io.octavo.common.render.Rendered;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code render.markdown}; the CPU work runs on a bounded worker pool, never on the event
 * loop. Inputs over the limits are refused with 413 or 422 by {@link MarkdownRenderer}.
 */
public final class RenderVerticle extends VerticleBase {
  private static final String WORKERS = "octavo-render";

  private final MarkdownRenderer renderer;
  private final ServiceMeters meters;
  private WorkerExecutor workers;
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
    // One pool per process, sized to the cores: rendering is CPU-bound, and a burst of large posts
    // queues here instead of taking the threads that blocking calls elsewhere need.
    workers = vertx.createSharedWorkerExecutor(WORKERS, Math.max(1, Runtime.getRuntime().availableProcessors()));
    MeteredConsumers consumers = new MeteredConsumers(vertx, meters);
    return Future.all(
        consumers.register(RenderContracts.MARKDOWN, this::render),
        consumers.register(RenderContracts.HEALTH,
            nothing -> Future.succeededFuture(new Health(Health.UP, MarkdownRenderer.VERSION))));
  }

  @Override
  public Future<?> stop() {
    return workers.close();
  }

  private Future<Rendered> render(RenderRequest request) {
    String markdown = request.body();
    return workers.executeBlocking(() -> renderTime.recordCallable(() -> renderer.render(markdown)), false)
        .map(rendered -> {
          sourceSize.record(markdown.getBytes(StandardCharsets.UTF_8).length);
          htmlSize.record(rendered.html().length());
          return rendered;
        });
  }
}
