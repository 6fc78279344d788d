package io.octavo.posts.media;

import io.micrometer.core.instrument.Counter;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaUpload;
import io.octavo.common.metrics.ServiceMeters;
import io.octavo.posts.store.BlobStore;
import io.octavo.posts.store.MediaRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an image's smaller copies after its upload, in the background on one worker thread per
 * process (so at most one image is decoded at a time, whatever arrives), and stores them as blobs
 * of their own. Pages link them in {@code srcset} at once; until they exist the original is served.
 */
final class VariantJob {
  private static final Logger LOG = LoggerFactory.getLogger(VariantJob.class);
  private static final long STEP_TIMEOUT_SECONDS = 60;

  private final BlobStore blobs;
  private final MediaRepository repository;
  private final WorkerExecutor worker;
  private final Counter made;

  VariantJob(Vertx vertx, BlobStore blobs, MediaRepository repository, ServiceMeters meters) {
    this.blobs = blobs;
    this.repository = repository;
    this.worker = vertx.createSharedWorkerExecutor("octavo-media-variants", 1, 5, TimeUnit.MINUTES);
    this.made = meters.counter("octavo.media.variants");
  }

  void make(long mediaId, UUID blob, MediaUpload upload) {
    worker.executeBlocking(() -> {
      List<ImageVariants.Variant> variants = ImageVariants.make(new ChunkStream(blob, upload.chunks()),
          upload.contentType(), upload.width());
      for (ImageVariants.Variant variant : variants) {
        store(mediaId, variant);
      }
      return variants.size();
    }, false).onSuccess(made::increment)
        .onFailure(error -> LOG.warn("no smaller copies of media item {}: {}", mediaId, error.toString()));
  }

  private void store(long mediaId, ImageVariants.Variant variant) throws Exception {
    UUID blob = UUID.randomUUID();
    await(blobs.begin(blob));
    byte[] bytes = variant.bytes();
    for (int seq = 0, at = 0; at < bytes.length; seq++, at += MediaFile.CHUNK_BYTES) {
      await(blobs.append(blob, seq, Buffer.buffer().appendBytes(bytes, at, Math.min(MediaFile.CHUNK_BYTES, bytes.length - at))));
    }
    await(blobs.complete(blob));
    await(repository.addVariant(mediaId, variant.width(), variant.height(), variant.contentType(), bytes.length,
        blob));
  }

  private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
    return future.toCompletionStage().toCompletableFuture().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** The original's bytes as a stream, a chunk at a time (read on the worker, blocking). */
  private final class ChunkStream extends InputStream {
    private final UUID blob;
    private final int chunks;
    private int next;
    private Buffer current = Buffer.buffer();
    private int at;

    ChunkStream(UUID blob, int chunks) {
      this.blob = blob;
      this.chunks = chunks;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      while (at >= current.length()) {
        if (next >= chunks) {
          return -1;
        }
        try {
          current = await(blobs.read(blob, next++));
        } catch (Exception e) {
          throw new IOException("could not read chunk " + (next - 1), e);
        }
        at = 0;
      }
      int n = Math.min(length, current.length() - at);
      current.getBytes(at, at + n, into, offset);
      at += n;
      return n;
    }
  }
}
