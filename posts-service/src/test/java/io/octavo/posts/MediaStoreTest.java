package io.octavo.posts;

import static io.octavo.common.testing.TestMedia.sha256;
import static io.octavo.posts.ReplyFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.media.MediaClient;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaItem;
import io.octavo.common.media.MediaReplies;
import io.octavo.common.media.MediaUpload;
import io.octavo.common.posts.PostInput;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The media store over the event bus, as the gateway uses it: chunks in, one item per content,
 * bytes back in chunks, lists newest first, and no delete of what a published post shows unless
 * forced. On the {@link SharedPostsService}. What the gateway decides about an upload (type,
 * size, name) is its MediaFilesTest.
 */
class MediaStoreTest {
  private static MediaClient media;

  @BeforeAll
  static void start() {
    SharedPostsService.client();
    media = new MediaClient(SharedPostsService.vertx(), Duration.ofSeconds(30));
  }

  /** Stores {@code bytes} as the gateway does: begin, chunks of {@link MediaFile#CHUNK_BYTES}, finish. */
  private static Future<MediaReplies.Stored> store(String name, byte[] bytes) {
    return media.begin().compose(upload -> {
      Future<Void> sent = Future.succeededFuture();
      int chunks = (bytes.length + MediaFile.CHUNK_BYTES - 1) / MediaFile.CHUNK_BYTES;
      for (int seq = 0; seq < chunks; seq++) {
        int number = seq;
        Buffer chunk = Buffer.buffer(bytes).getBuffer(seq * MediaFile.CHUNK_BYTES,
            Math.min(bytes.length, (seq + 1) * MediaFile.CHUNK_BYTES));
        sent = sent.compose(done -> media.chunk(upload, number, chunk));
      }
      return sent.compose(done -> media.finish(new MediaUpload(upload, sha256(bytes), bytes.length, chunks, name,
          "application/pdf", null, null, List.of(name))));
    });
  }

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void sameBytesStoredAtOnceAreOneItem() throws Exception {
    byte[] bytes = bytes(70_000, 1);
    List<Future<MediaReplies.Stored>> uploads = IntStream.range(0, 6).mapToObj(i -> store("same-" + i + ".pdf", bytes))
        .toList();
    Future.join(uploads).await(60, TimeUnit.SECONDS);
    assertThat(uploads.stream().map(upload -> upload.result().item().id()).distinct()).hasSize(1);
    assertThat(uploads.stream().filter(upload -> upload.result().created())).hasSize(1);

    MediaReplies.Stored again = store("other-name.pdf", bytes).await();
    assertThat(again.created()).isFalse();
    assertThat(again.item().id()).isEqualTo(uploads.get(0).result().item().id());
  }

  @Test
  void bytesComeBackChunkByChunk() {
    byte[] bytes = bytes(MediaFile.CHUNK_BYTES + 1000, 2); // two chunks, the last short
    MediaItem item = store("paper.pdf", bytes).await().item();
    MediaFile file = media.file(item.sha256()).await();
    assertThat(file.bytes()).isEqualTo(bytes.length);
    Buffer read = media.read(file, 0).await().copy().appendBuffer(media.read(file, 1).await());
    assertThat(read.getBytes()).isEqualTo(bytes);
  }

  @Test
  void listIsNewestFirstInPages() {
    long first = store("page-a.pdf", bytes(100, 3)).await().item().id();
    long second = store("page-b.pdf", bytes(100, 4)).await().item().id();
    assertThat(first).isLessThan(second);
    MediaReplies.Page page = media.list(1, null).await();
    assertThat(page.items().get(0).id()).isEqualTo(second);
    assertThat(media.list(1, page.nextCursor()).await().items().get(0).id()).isLessThan(second);
  }

  @Test
  void deletingAnItemAPublishedPostShowsNeedsForce() {
    MediaItem item = store("shown.pdf", bytes(100, 5)).await().item();
    // FakeRenderService keeps raw HTML as it is: the post's page shows an <img> of the item
    SharedPostsService.client().create(PostInput.builder("<img src=\"shown.pdf\" alt=\"x\">").title("Shows it")
        .slug("shows-it").build()).await();

    assertThat(failure(media.delete(item.id(), false))).isEqualTo(409);
    assertThat(media.get(item.id()).await().id()).isEqualTo(item.id());
    media.delete(item.id(), true).await();
    assertThat(failure(media.get(item.id()))).isEqualTo(404);
  }
}
