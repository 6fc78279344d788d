package io.octavo.common.media;

/**
 * A stored file as serving it needs: every chunk but the last holds exactly {@code chunkBytes}.
 *
 * @param name the name the file was first uploaded as
 * @param blob where its chunks are, for {@link MediaClient#read}
 */
public record MediaFile(long id, String sha256, String name, String contentType, long bytes, int chunkBytes,
                        String blob) {
  /** 256 KiB: small enough that a few uploads at once stay far from any heap limit. */
  public static final int CHUNK_BYTES = 256 * 1024;

  public int chunks() {
    return (int) ((bytes + chunkBytes - 1) / chunkBytes);
  }
}
