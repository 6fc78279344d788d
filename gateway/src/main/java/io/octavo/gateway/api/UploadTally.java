package io.octavo.gateway.api;

import io.octavo.common.media.MediaUpload;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a media upload's finish says of the bytes that went by: how many, their SHA-256, and how
 * many chunks carried them. A file sent over HTTP ({@link MediaReceiver}) and one from an imported
 * archive ({@link MediaImporter}) each keep one.
 */
final class UploadTally {
  private final MessageDigest sha256;
  private long bytes;
  private int chunks;

  UploadTally() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** Counts and hashes bytes as they arrive; returns how many have arrived in all. */
  long add(byte[] data) {
    sha256.update(data);
    bytes += data.length;
    return bytes;
  }

  long bytes() {
    return bytes;
  }

  /** The number of the next chunk to send, from 0. */
  int nextChunk() {
    return chunks++;
  }

  /** The finish request, once every chunk is sent; {@code size} is null when the type has none. */
  MediaUpload finish(String upload, MediaTypes type, String safeName, ImageSize size, List<String> paths) {
    return new MediaUpload(upload, HexFormat.of().formatHex(sha256.digest()), bytes, chunks, safeName,
        type.contentType, size == null ? null : size.width(), size == null ? null : size.height(), paths);
  }
}
