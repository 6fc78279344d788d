package io.octavo.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling: a bare Vert.x Web server that answers every GET with a fixed body from memory, one
 * verticle per core, like Octavo's gateway. Octavo's figures are reported as ratios to it.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.octavo.bench.CeilingServer PORT BODY_FILE}
 */
public final class CeilingServer extends VerticleBase {
  private final int port;
  private final Buffer body;

  private CeilingServer(int port, Buffer body) {
    this.port = port;
    this.body = body;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get().handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json")
        .putHeader("etag", "\"1\"")
        .putHeader("cache-control", "public, no-cache")
        .end(body));
    return vertx.createHttpServer().requestHandler(router).listen(port);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new CeilingServer(port, body),
        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
    System.out.println("ceiling server on " + port + ", body " + body.length() + " bytes");
  }
}
