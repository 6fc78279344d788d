package io.octavo.posts;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Media bytes in PostgreSQL: one {@code bytea} row per 256 KiB chunk, so a file is written and
 * read a chunk at a time and every replica sees the same files without another server to run.
 */
final class PgBlobStore implements BlobStore {
  private final Pool pool;

  PgBlobStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> begin(UUID blob) {
    return pool.query(MediaQueries.SWEEP_ABANDONED).execute()
        .compose(swept -> pool.preparedQuery(MediaQueries.BEGIN_UPLOAD).execute(Tuple.of(blob)))
        .mapEmpty();
  }

  @Override
  public Future<Void> append(UUID blob, int seq, Buffer data) {
    return pool.preparedQuery(MediaQueries.INSERT_CHUNK).execute(Tuple.of(blob, seq, data)).mapEmpty();
  }

  @Override
  public Future<Void> complete(UUID blob) {
    return pool.preparedQuery(MediaQueries.END_UPLOAD).execute(Tuple.of(blob)).mapEmpty();
  }

  @Override
  public Future<Size> size(UUID blob) {
    return pool.preparedQuery(MediaQueries.UPLOAD_SIZE).execute(Tuple.of(blob)).map(rows -> {
      Row row = rows.iterator().next();
      return new Size(row.getLong("chunks").intValue(), row.getLong("bytes"));
    });
  }

  @Override
  public Future<Buffer> read(UUID blob, int seq) {
    return pool.preparedQuery(MediaQueries.READ_CHUNK).execute(Tuple.of(blob, seq))
        .map(PgBlobStore::firstData);
  }

  @Override
  public Future<Void> delete(UUID blob) {
    return pool.preparedQuery(MediaQueries.DELETE_CHUNKS).execute(Tuple.of(blob))
        .compose(deleted -> complete(blob));
  }

  private static Buffer firstData(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next().getBuffer("data");
  }
}
