package io.octavo.posts.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.UUID;

/**
 * Where media bytes live, chunk by chunk; what they are (name, type, sha256) stays in PostgreSQL
 * whatever the store. {@link PgBlobStore} keeps them in PostgreSQL beside the posts. An
 * S3-compatible store would implement this too: {@code begin} as CreateMultipartUpload,
 * {@code append} as UploadPart (gathering chunks to S3's 5 MiB part minimum), {@code size} from
 * ListParts, {@code read} as a ranged GetObject of chunk {@code seq}, {@code delete} as DeleteObject.
 */
public interface BlobStore {

  /** What arrived for a blob. */
  record Size(int chunks, long bytes) {
  }

  /** Opens a blob that chunks are then appended to, in order from 0. */
  Future<Void> begin(UUID blob);

  Future<Void> append(UUID blob, int seq, Buffer data);

  /** Marks a blob complete: it is kept, no longer an abandoned upload to sweep. */
  Future<Void> complete(UUID blob);

  Future<Size> size(UUID blob);

  /** Chunk {@code seq}, or null when the blob or the chunk does not exist. */
  Future<Buffer> read(UUID blob, int seq);

  Future<Void> delete(UUID blob);
}
