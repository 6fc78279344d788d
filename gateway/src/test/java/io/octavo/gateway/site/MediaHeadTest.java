package io.octavo.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.media.MediaContracts;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaItem;
import io.octavo.common.media.MediaReplies;
import io.octavo.common.testing.BusStub;
import io.octavo.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A HEAD of a large media file answers from the file's record, without reading its chunks from the store. */
class MediaHeadTest {
  private static final String SHA = "a".repeat(64);
  private static final int CHUNKS = 12; // 3 MiB: past the 2 MiB kept whole, so it streams
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void headReadsNoChunkAndGetReadsEach() {
    long bytes = (long) CHUNKS * MediaFile.CHUNK_BYTES;
    BusStub store = BusStub.on(vertx)
        .reply(MediaContracts.GET, new MediaItem(1, SHA, "talk.mp4", "video/mp4", bytes, null, null,
            "2026-11-27T20:00:00Z", new MediaItem.Blob("b1", MediaFile.CHUNK_BYTES), null, null))
        .reply(MediaContracts.READ, new MediaReplies.Bytes(Buffer.buffer(new byte[MediaFile.CHUNK_BYTES])));
    WebClient http = TestGateway.deploy(vertx, TestGateway.settings("media-head")).unchecked();

    HttpResponse<Buffer> head = http.request(HttpMethod.HEAD, "/media/" + SHA + "/talk.mp4").send().await();
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("content-length")).isEqualTo(String.valueOf(bytes));
    assertThat(store.count(MediaContracts.READ)).as("chunks read for a HEAD").isZero();

    HttpResponse<Buffer> get = http.get("/media/" + SHA + "/talk.mp4").send().await();
    assertThat(get.body().length()).isEqualTo((int) bytes);
    assertThat(store.count(MediaContracts.READ)).isEqualTo(CHUNKS);
  }
}
