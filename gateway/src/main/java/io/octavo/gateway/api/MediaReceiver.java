package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.octavo.common.media.MediaClient;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaReplies;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves one uploaded file from the request to the media store: the stream is hashed as it passes,
 * its type decided from the first bytes (415 before anything is stored), and sent on in
 * {@link MediaFile#CHUNK_BYTES} chunks, one at a time, with the request paused meanwhile. So an
 * upload holds at most about one chunk in memory, whatever the file's size.
 */
public final class MediaReceiver {
  /**
   * What one upload holds in memory at most, reserved in the gateway's body budget: the chunk being
   * filled, the one on its way, and its copy on a local event bus.
   */
  public static final long HELD_BYTES = 3L * MediaFile.CHUNK_BYTES;

  private final Vertx vertx;
  private final MediaClient media;
  private final long maxBytes;

  MediaReceiver(Vertx vertx, MediaClient media, long maxBytes) {
    this.vertx = vertx;
    this.media = media;
    this.maxBytes = maxBytes;
  }

  /**
   * Completes with the stored item (with {@code created} false when the bytes were stored already);
   * fails with 413, 415 or 400 for what the client sent.
   *
   * @param paths further paths Markdown may use for the file (imports: its path in the site)
   */
  Future<MediaReplies.Stored> receive(ReadStream<Buffer> in, String name, String declaredType, List<String> paths) {
    return new Upload(in, name, declaredType, paths).start();
  }

  private final class Upload {
    private final ReadStream<Buffer> in;
    private final String name;
    private final String declaredType;
    private final List<String> paths;
    private final Promise<MediaReplies.Stored> result = Promise.promise();
    private final UploadTally tally = new UploadTally();
    private Buffer pending = Buffer.buffer(MediaFile.CHUNK_BYTES);
    private MediaTypes type;
    private Future<String> upload;
    private Future<ImageSize> size = Future.succeededFuture();
    private boolean failed;

    Upload(ReadStream<Buffer> in, String name, String declaredType, List<String> paths) {
      this.in = in;
      this.name = name;
      this.declaredType = declaredType;
      this.paths = paths;
    }

    Future<MediaReplies.Stored> start() {
      in.exceptionHandler(error -> fail(new ServiceFailure(400, "the upload was interrupted")));
      in.endHandler(end -> end());
      in.handler(this::data);
      return result.future();
    }

    private void data(Buffer data) {
      if (failed) {
        return;
      }
      if (tally.add(data.getBytes()) > maxBytes) {
        fail(new ServiceFailure(413, "the file is larger than " + maxBytes + " bytes (OCTAVO_MAX_MEDIA_BYTES)"));
        return;
      }
      pending.appendBuffer(data);
      if (type == null && pending.length() >= MediaTypes.SNIFF_BYTES && !decide()) {
        return;
      }
      if (pending.length() >= MediaFile.CHUNK_BYTES) {
        in.pause();
        Buffer chunk = pending.getBuffer(0, MediaFile.CHUNK_BYTES);
        Buffer rest = pending.getBuffer(MediaFile.CHUNK_BYTES, pending.length());
        pending = Buffer.buffer(MediaFile.CHUNK_BYTES).appendBuffer(rest);
        send(chunk).onSuccess(sent -> in.resume()).onFailure(this::fail);
      }
    }

    private void end() {
      if (failed) {
        return;
      }
      if (tally.bytes() == 0) {
        fail(new ServiceFailure(400, "the file is empty"));
        return;
      }
      if (type == null && !decide()) {
        return;
      }
      Future<Void> last = pending.length() > 0 ? send(pending) : Future.succeededFuture();
      last.compose(sent -> size)
          .compose(measured -> media.finish(
              tally.finish(upload.result(), type, type.safeName(name), measured, paths(type.safeName(name)))))
          .onSuccess(result::tryComplete)
          .onFailure(this::fail);
    }

    private List<String> paths(String safeName) {
      List<String> all = new ArrayList<>();
      all.add(safeName);
      String original = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
      if (!original.isBlank() && !original.equals(safeName) && original.length() <= 255) {
        all.add(original); // Markdown may say ![](my%20plot.png) for the file uploaded as "my plot.png"
      }
      all.addAll(paths);
      return all;
    }

    /** False (and the upload refused with 415) when the bytes are no type Octavo serves or contradict the name. */
    private boolean decide() {
      type = MediaTypes.sniff(pending);
      if (type == null) {
        fail(new ServiceFailure(415, "the file is none of PNG, JPEG, GIF, WebP, AVIF, SVG, PDF or MP4 "
            + "(decided by its bytes, not its name)"));
        return false;
      }
      String disagreement = type.disagreement(name, declaredType);
      if (disagreement != null) {
        fail(new ServiceFailure(415, disagreement));
        return false;
      }
      return true;
    }

    private Future<Void> send(Buffer chunk) {
      if (upload == null) {
        upload = media.begin();
      }
      int number = tally.nextChunk();
      if (number == 0 && type.hasSize()) {
        byte[] head = chunk.getBytes();
        size = vertx.executeBlocking(() -> ImageSize.of(type, head), false);
      }
      return upload.compose(id -> media.chunk(id, number, chunk));
    }

    private void fail(Throwable error) {
      failed = true;
      in.resume(); // let the rest of the body drain so the connection can answer
      result.tryFail(error);
    }
  }
}
