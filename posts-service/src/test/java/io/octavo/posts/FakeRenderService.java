package io.octavo.posts;

import io.octavo.common.Addresses;
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
  private MessageConsumer<JsonObject> render;
  private MessageConsumer<JsonObject> health;

  FakeRenderService(Vertx vertx) {
    this.vertx = vertx;
  }

  FakeRenderService start() {
    render = vertx.eventBus().consumer(Addresses.RENDER_MARKDOWN, message -> {
      String markdown = RenderRequest.fromJson(message.body()).markdown();
      message.reply(new Rendered("<p>" + markdown.strip() + "</p>\n", "<p>excerpt</p>\n", false,
          new JsonArray(), markdown.split("\\s+").length, VERSION).toJson());
    });
    health = vertx.eventBus().consumer(Addresses.RENDER_HEALTH,
        message -> message.reply(new JsonObject().put("status", "UP").put("renderer_version", VERSION)));
    render.completion().await();
    health.completion().await();
    return this;
  }

  void stop() {
    render.unregister().await();
    health.unregister().await();
  }
}
