package io.octavo.gateway;

import io.octavo.common.ServiceFailure;
import io.octavo.common.media.MediaContracts;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaItem;
import io.octavo.common.media.MediaReplies;
import io.octavo.common.media.MediaUpload;
import io.octavo.common.testing.BusStub;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A media store stand-in for gateway tests: keeps uploaded chunks in memory and answers media.*
 * as the contracts' records, one item per content (the same bytes again are the stored item), its
 * bytes read back in {@link MediaFile#CHUNK_BYTES} chunks. No smaller copies of images are made
 * (asked for one, it answers 404, as before the real store has made it). What the gateway sent is
 * in {@link #bus()}.
 */
public final class StubMediaService {
  private final BusStub bus;
  private final Map<String, Map<Integer, Buffer>> uploads = new ConcurrentHashMap<>();
  private final Map<String, MediaItem> bySha = new ConcurrentHashMap<>();
  private final Map<Long, MediaItem> byId = new ConcurrentHashMap<>();
  private final Map<String, Buffer> blobs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private StubMediaService(Vertx vertx) {
    this.bus = BusStub.on(vertx);
  }

  public static StubMediaService start(Vertx vertx) {
    return new StubMediaService(vertx).register();
  }

  public BusStub bus() {
    return bus;
  }

  private StubMediaService register() {
    bus.answer(MediaContracts.UPLOAD_BEGIN, nothing -> {
      String upload = UUID.randomUUID().toString();
      uploads.put(upload, new ConcurrentSkipListMap<>());
      return new MediaReplies.Began(upload);
    }).answer(MediaContracts.UPLOAD_CHUNK, chunk -> {
      uploads.get(chunk.upload()).put(chunk.seq(), chunk.data());
      return null;
    }).answer(MediaContracts.UPLOAD_FINISH, this::finish)
        .answer(MediaContracts.GET, request -> {
          MediaItem item = request.id() != null ? byId.get(request.id())
              : request.width() == null ? bySha.get(request.sha256()) : null;
          if (item == null) {
            throw ServiceFailure.notFound("no such media item");
          }
          return request.id() != null ? item.shown() : item;
        })
        .answer(MediaContracts.READ, read -> {
          Buffer bytes = blobs.get(read.blob());
          int from = read.seq() * MediaFile.CHUNK_BYTES;
          return new MediaReplies.Bytes(bytes.getBuffer(from, Math.min(bytes.length(), from + MediaFile.CHUNK_BYTES)));
        });
    return this;
  }

  private synchronized MediaReplies.Stored finish(MediaUpload upload) {
    Buffer bytes = Buffer.buffer();
    uploads.remove(upload.upload()).values().forEach(bytes::appendBuffer);
    MediaItem stored = bySha.get(upload.sha256());
    if (stored != null) {
      return new MediaReplies.Stored(stored, false);
    }
    String blob = UUID.randomUUID().toString();
    blobs.put(blob, bytes);
    MediaItem item = new MediaItem(ids.incrementAndGet(), upload.sha256(), upload.name(), upload.contentType(),
        bytes.length(), upload.width(), upload.height(), "2026-01-01T00:00:00Z",
        new MediaItem.Blob(blob, MediaFile.CHUNK_BYTES), upload.paths(), List.of());
    bySha.put(item.sha256(), item);
    byId.put(item.id(), item);
    return new MediaReplies.Stored(item, true);
  }
}
