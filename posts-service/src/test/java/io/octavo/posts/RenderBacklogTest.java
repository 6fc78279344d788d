package io.octavo.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostsContracts;
import io.octavo.common.config.PgSettings;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.node.Node;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.octavo.common.posts.PostsClient;
import io.octavo.common.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After a render outage, the backlog is rendered as fast as the renderer goes, not a batch per tick. */
class RenderBacklogTest {
  private static final int POSTS = 70; // more than three batches of 20
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aBacklogIsRenderedWithinOneRetryIntervalOfTheRendererReturning() throws Exception {
    PgSettings database = TestPostgres.freshDatabase(RenderBacklogTest.class);
    Duration retry = Duration.ofSeconds(3);
    PostsService.deploy(Node.of(vertx, Metrics.newRegistry(), Map.of()),
        new PostsSettings(database, 4, Duration.ofMillis(500), retry)).await();
    PostsClient posts = new PostsClient(vertx, Duration.ofSeconds(5));
    List<Future<Post>> writes = new ArrayList<>();
    for (int i = 0; i < POSTS; i++) {
      writes.add(posts.create(PostInput.builder("Backlog " + i).title("Backlog " + i).build()));
    }
    Future.all(writes).await();
    assertThat(writes).allSatisfy(write -> assertThat(write.result().renderPending()).isTrue());

    Set<String> rendered = ConcurrentHashMap.newKeySet();
    Promise<Void> all = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(PostsContracts.CHANGED.address(), message -> {
      if ("rendered".equals(message.body().getString("change")) && rendered.add(message.body().getString("slug"))
          && rendered.size() == POSTS) {
        all.tryComplete();
      }
    }).completion().await();
    new FakeRenderService(vertx).start();
    long start = System.nanoTime();
    all.future().await(retry.toMillis() * 2, TimeUnit.MILLISECONDS); // a batch a tick would need four ticks
    System.out.printf("[backlog] %d posts rendered %d ms after the renderer returned%n", POSTS,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }
}
