package io.octavo.gateway.api;

import io.octavo.common.media.MediaClient;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaReplies;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stores the images and files of an imported site as media items, on an import worker (blocking,
 * a chunk at a time, like an upload). Each is named by every tail of its path in the archive
 * ({@code blog/static/images/plot.png}, {@code static/images/plot.png}, {@code images/plot.png},
 * {@code plot.png}), so the posts' references, absolute from the site root or relative, resolve.
 */
final class MediaImporter {
  /** Extensions worth opening; the bytes still decide (a .png that is not one is skipped). */
  static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "jpe", "jfif", "gif", "webp", "avif", "svg",
      "pdf", "mp4", "m4v");
  private static final long TIMEOUT_SECONDS = 60;

  private final MediaClient media;
  private final long maxBytes;

  MediaImporter(MediaClient media, long maxBytes) {
    this.media = media;
    this.maxBytes = maxBytes;
  }

  static boolean isMedia(String path) {
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') && EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The stored item's URL, or the reason it was not stored (prefixed with "skip:"). */
  String store(String path, InputStream in) throws Exception {
    String name = path.substring(path.lastIndexOf('/') + 1);
    byte[] first = in.readNBytes(MediaFile.CHUNK_BYTES);
    MediaTypes type = MediaTypes.sniff(Buffer.buffer(first));
    if (type == null || type.disagreement(name, null) != null) {
      return "skip:" + (type == null ? "not a type Octavo serves" : type.disagreement(name, null));
    }
    UploadTally tally = new UploadTally();
    String upload = await(media.begin());
    ImageSize size = type.hasSize() ? ImageSize.of(type, first) : null;
    for (byte[] chunk = first; chunk.length > 0; chunk = in.readNBytes(MediaFile.CHUNK_BYTES)) {
      if (tally.add(chunk) > maxBytes) {
        return "skip:larger than " + maxBytes + " bytes (OCTAVO_MAX_MEDIA_BYTES)";
      }
      await(media.chunk(upload, tally.nextChunk(), Buffer.buffer(chunk)));
    }
    String safeName = type.safeName(name);
    MediaReplies.Stored stored = await(media.finish(tally.finish(upload, type, safeName, size, paths(path, safeName))));
    return stored.item().url();
  }

  private static List<String> paths(String path, String safeName) {
    List<String> paths = tails(path);
    if (!paths.contains(safeName)) {
      paths.add(safeName);
    }
    return paths;
  }

  /** Every tail of the path, longest first; the original file name is among them. */
  static List<String> tails(String path) {
    List<String> tails = new ArrayList<>();
    int at = 0;
    while (true) {
      tails.add(path.substring(at));
      int slash = path.indexOf('/', at);
      if (slash < 0) {
        return tails;
      }
      at = slash + 1;
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
