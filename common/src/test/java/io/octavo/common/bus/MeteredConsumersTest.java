package io.octavo.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.octavo.common.contracts.BusContract;
import io.octavo.common.contracts.Codec;
import io.octavo.common.metrics.Metrics;
import io.octavo.common.metrics.ServiceMeters;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A consumer that breaks answers at once with a 500: the caller never waits out its timeout. */
class MeteredConsumersTest {
  private static final BusContract<Void, Void> BROKEN = BusContract.of("test.broken", Codec.NONE, Codec.NONE);

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aHandlerThatCannotLoadAClassFailsTheRequestAtOnce() {
    MeteredConsumers consumers = new MeteredConsumers(vertx, new ServiceMeters(Metrics.newRegistry(), "test", "test"));
    consumers.register(BROKEN, request -> {
      throw new NoClassDefFoundError("com/example/Missing"); // what a jar missing a library throws
    }).await();

    long start = System.nanoTime();
    Throwable failure = catchThrowable(() -> new BusClient(vertx, Duration.ofSeconds(10)).request(BROKEN, null).await());

    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(500);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
