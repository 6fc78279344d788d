package io.octavo.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.octavo.common.contracts.Health;
import io.octavo.common.render.RenderClient;
import io.octavo.common.render.Rendered;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RenderVerticleTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RenderClient client;

  @BeforeEach
  void deploy(Vertx vertx) {
    vertx.deployVerticle(new RenderVerticle(MarkdownRenderer.create(), registry)).await();
    client = new RenderClient(vertx, Duration.ofSeconds(5));
  }

  @Test
  void rendersMarkdownOverTheEventBus() {
    Rendered out = client.render("Hello *world*\n\n<!-- more -->\n\nMore.").await();
    assertThat(out.html()).isEqualTo("<p>Hello <em>world</em></p>\n<p>More.</p>\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>Hello <em>world</em></p>\n");
    assertThat(out.hasMore()).isTrue();
    assertThat(out.rendererVersion()).isEqualTo(MarkdownRenderer.VERSION);
  }

  @Test
  void aSourceOverOneMebibyteIsRefusedWith413() {
    assertThat(client.render("y".repeat(1_500_000)).transform(done -> Future.succeededFuture(done.cause())).await())
        .isInstanceOfSatisfying(ReplyException.class, refused -> assertThat(refused.failureCode()).isEqualTo(413));
  }

  @Test
  void healthReportsTheRendererVersion() {
    Health health = client.health().await();
    assertThat(health.status()).isEqualTo("UP");
    assertThat(health.rendererVersion()).isEqualTo(MarkdownRenderer.VERSION);
  }

  @Test
  void recordsRenderTimeAndHandledCount() {
    client.render("# Hi").await();
    assertThat(registry.get("octavo.render.time").tag("service", "render-service").timer().count()).isEqualTo(1);
    assertThat(registry.get("octavo.bus.handled").tag("address", "render.markdown").tag("outcome", "ok")
        .counter().count()).isEqualTo(1);
  }
}
