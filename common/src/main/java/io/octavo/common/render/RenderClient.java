package io.octavo.common.render;

import io.octavo.common.Addresses;
import io.octavo.common.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** The render-service as its callers see it. */
public final class RenderClient {
  private final BusClient bus;

  public RenderClient(Vertx vertx, Duration timeout) {
    this.bus = new BusClient(vertx, timeout);
  }

  public Future<Rendered> render(String markdown) {
    return bus.request(Addresses.RENDER_MARKDOWN, new RenderRequest(markdown).toJson())
        .map(Rendered::fromJson);
  }

  public Future<JsonObject> health() {
    return bus.request(Addresses.RENDER_HEALTH, new JsonObject());
  }
}
