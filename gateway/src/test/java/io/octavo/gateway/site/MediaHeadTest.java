package io.octavo.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.media.MediaContracts;
import io.octavo.common.media.MediaFile;
import io.octavo.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A HEAD of a large media file answers from the file's record, without reading its chunks from the store. */
class MediaHeadTest {
  private static final String SHA = "a".repeat(64);
  private static final int CHUNKS = 12; // 3 MiB: past the 2 MiB kept whole, so it streams
  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger reads = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void headReadsNoChunkAndGetReadsEach() {
    long bytes = (long) CHUNKS * MediaFile.CHUNK_BYTES;
    vertx.eventBus().<JsonObject>consumer(MediaContracts.GET.address(), message -> message.reply(new JsonObject()
        .put("id", 1).put("sha256", SHA).put("name", "talk.mp4").put("content_type", "video/mp4")
        .put("bytes", bytes).put("chunk_bytes", MediaFile.CHUNK_BYTES).put("blob", "b1"))).completion().await();
    vertx.eventBus().<JsonObject>consumer(MediaContracts.READ.address(), message -> {
      reads.incrementAndGet();
      message.reply(new JsonObject().put("data", Buffer.buffer(new byte[MediaFile.CHUNK_BYTES])));
    }).completion().await();
    WebClient http = TestGateway.deploy(vertx, TestGateway.settings("media-head")).unchecked();

    HttpResponse<Buffer> head = http.request(HttpMethod.HEAD, "/media/" + SHA + "/talk.mp4").send().await();
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("content-length")).isEqualTo(String.valueOf(bytes));
    assertThat(reads).as("chunks read for a HEAD").hasValue(0);

    HttpResponse<Buffer> get = http.get("/media/" + SHA + "/talk.mp4").send().await();
    assertThat(get.body().length()).isEqualTo((int) bytes);
    assertThat(reads).hasValue(CHUNKS);
  }
}
