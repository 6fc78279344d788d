package io.octavo.render;

import io.octavo.render.math.MathTypesetter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns the math typesetter's lifetime: warms its JavaScript engine up in the background once the
 * render consumers are deployed, and closes it (engine, contexts, watchdog) when the node stops.
 */
final class TypesetterVerticle extends VerticleBase {
  private final MathTypesetter typesetter;

  TypesetterVerticle(MathTypesetter typesetter) {
    this.typesetter = typesetter;
  }

  @Override
  public Future<?> start() {
    vertx.executeBlocking(() -> {
      typesetter.warmUp(); // readiness does not wait for it: a render meanwhile is only slower
      return null;
    }, false);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return vertx.executeBlocking(() -> {
      typesetter.close();
      return null;
    }, false);
  }
}
