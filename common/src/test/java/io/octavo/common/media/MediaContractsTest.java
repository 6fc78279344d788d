package io.octavo.common.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.PostStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code media.*} records put on the bus exactly the JSON the plain-JSON exchanges did (keys,
 * their order, nulls kept): replicas of two versions share a cluster, and the API shows items as
 * the bus carries them.
 */
class MediaContractsTest {
  private static final String SHA = "ab".repeat(32);
  private static final MediaItem ITEM = new MediaItem(7, SHA, "plot.png", "image/png", 1234, 300, null,
      "2026-11-27T20:00:00Z", null, null, null);

  @Test
  void itemsKeepTheirKeysPerReply() {
    MediaItem listed = ITEM.withLinks(List.of("img/plot.png", "plot.png"),
        List.of(new MediaItem.ShownIn("with-figure", "With a figure", PostStatus.PUBLISHED)));
    assertThat(wire(MediaContracts.GET.reply().encode(listed))).isEqualTo("{\"id\":7,\"url\":\"/media/" + SHA
        + "/plot.png\",\"sha256\":\"" + SHA + "\",\"name\":\"plot.png\",\"content_type\":\"image/png\",\"bytes\":1234,"
        + "\"width\":300,\"height\":null,\"created_at\":\"2026-11-27T20:00:00Z\",\"paths\":[\"img/plot.png\",\"plot.png\"],"
        + "\"posts\":[{\"slug\":\"with-figure\",\"title\":\"With a figure\",\"status\":\"published\"}]}");
    MediaItem served = new MediaItem(7, SHA, "plot.png", "image/png", 1234, 300, null, "2026-11-27T20:00:00Z",
        new MediaItem.Blob("b-1", MediaFile.CHUNK_BYTES), null, null);
    assertThat(wire(MediaContracts.UPLOAD_FINISH.reply().encode(new MediaReplies.Stored(served, false))))
        .endsWith("\"created_at\":\"2026-11-27T20:00:00Z\",\"blob\":\"b-1\",\"chunk_bytes\":262144,\"created\":false}");
    assertThat(wire(served.shown().toJson())).doesNotContain("blob", "chunk_bytes");
    assertThat(wire(MediaContracts.LIST.reply().encode(new MediaReplies.Page(List.of(), null))))
        .isEqualTo("{\"next_cursor\":null,\"items\":[]}");
  }

  @Test
  void requestsKeepTheirKeys() {
    assertThat(wire(MediaContracts.GET.request().encode(MediaRequests.Get.byId(7)))).isEqualTo("{\"id\":7}");
    assertThat(wire(MediaContracts.GET.request().encode(MediaRequests.Get.variant(SHA, 640))))
        .isEqualTo("{\"sha256\":\"" + SHA + "\",\"width\":640}");
    assertThat(wire(MediaContracts.LIST.request().encode(new MediaRequests.List(20, null))))
        .isEqualTo("{\"limit\":20,\"cursor\":null}");
    assertThat(wire(MediaContracts.DELETE.request().encode(new MediaRequests.Delete(7, true))))
        .isEqualTo("{\"id\":7,\"force\":true}");
    assertThat(wire(MediaContracts.UPLOAD_BEGIN.request().encode(null))).isEqualTo("{}");
    assertThat(wire(MediaContracts.UPLOAD_CHUNK.reply().encode(null))).isEqualTo("{}");
  }

  @Test
  void chunksCrossAsBase64AndComeBackAsBytes() {
    JsonObject sent = new JsonObject(MediaContracts.UPLOAD_CHUNK.request()
        .encode(new MediaRequests.Chunk("u-1", 2, Buffer.buffer("abc"))).encode()); // as a cluster carries it
    MediaRequests.Chunk received = MediaContracts.UPLOAD_CHUNK.request().decode(sent);
    assertThat(received.data().toString()).isEqualTo("abc");
    assertThat(received.seq()).isEqualTo(2);
    assertThat(MediaContracts.UPLOAD_CHUNK.request().decode(new JsonObject()).seq()).as("no seq").isEqualTo(-1);
  }

  @Test
  void aServingReplyWithoutOptionalKeysIsAFile() {
    MediaFile file = MediaContracts.GET.reply().decode(new JsonObject().put("id", 1).put("sha256", SHA)
        .put("name", "talk.mp4").put("content_type", "video/mp4").put("bytes", 10L).put("blob", "b1")).file();
    assertThat(file.chunkBytes()).isEqualTo(MediaFile.CHUNK_BYTES);
    assertThat(file.blob()).isEqualTo("b1");
  }

  private static String wire(JsonObject json) {
    return json.encode();
  }
}
