package io.octavo.posts;

import io.octavo.common.render.RenderContracts;
import io.octavo.common.render.RenderRequest;
import io.octavo.common.render.Rendered;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in render-service on the event bus (the posts-service must not depend on the real
 * one's classes): wraps the source in a paragraph, and can be stopped to simulate an outage.
 */
final class FakeRenderService {
  static final int VERSION = 7;
  private final Vertx vertx;
  private final int version;
  private MessageConsumer<JsonObject> render;
  private MessageConsumer<JsonObject> health;

  FakeRenderService(Vertx vertx) {
    this(vertx, VERSION);
  }

  /** A renderer of another version: its HTML carries the version, so a re-render is visible. */
  FakeRenderService(Vertx vertx, int version) {
    this.vertx = vertx;
    this.version = version;
  }

  FakeRenderService start() {
    render = vertx.eventBus().consumer(RenderContracts.MARKDOWN.address(), message -> {
      String markdown = RenderRequest.fromJson(message.body()).body();
      String html = "<p>" + markdown.strip() + "</p>\n" + (version == VERSION ? "" : "<!-- v" + version + " -->");
      message.reply(new Rendered(html, "<p>excerpt</p>\n", false,
          new JsonArray(), markdown.split("\\s+").length, version).toJson());
    });
    health = vertx.eventBus().consumer(RenderContracts.HEALTH.address(),
        message -> message.reply(new JsonObject().put("status", "UP").put("renderer_version", version)));
    render.completion().await();
    health.completion().await();
    return this;
  }

  void stop() {
    render.unregister().await();
    health.unregister().await();
  }
}
