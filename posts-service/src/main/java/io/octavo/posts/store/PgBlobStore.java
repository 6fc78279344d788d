package io.octavo.posts.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import java.util.UUID;

/**
 * Media bytes in PostgreSQL: one {@code bytea} row per 256 KiB chunk, so a file is written and
 * read a chunk at a time and every replica sees the same files without another server to run.
 */
public final class PgBlobStore implements BlobStore {
  private final Pool pool;
  private final PoolTemplates statements;

  public PgBlobStore(Pool pool) {
    this.pool = pool;
    this.statements = new PoolTemplates(pool);
  }

  @Override
  public Future<Void> begin(UUID blob) {
    return pool.query(MediaQueries.SWEEP_ABANDONED).execute()
        .compose(swept -> SqlParams.with("id", blob).run(statements, MediaQueries.BEGIN_UPLOAD))
        .mapEmpty();
  }

  @Override
  public Future<Void> append(UUID blob, int seq, Buffer data) {
    return SqlParams.with("blob", blob).and("seq", seq).and("data", data).run(statements, MediaQueries.INSERT_CHUNK).mapEmpty();
  }

  @Override
  public Future<Void> complete(UUID blob) {
    return SqlParams.with("id", blob).run(statements, MediaQueries.END_UPLOAD).mapEmpty();
  }

  @Override
  public Future<Size> size(UUID blob) {
    return SqlParams.with("blob", blob).run(statements, MediaQueries.UPLOAD_SIZE,
            row -> new Size(row.getLong("chunks").intValue(), row.getLong("bytes")))
        .map(SqlParams::first);
  }

  @Override
  public Future<Buffer> read(UUID blob, int seq) {
    return SqlParams.with("blob", blob).and("seq", seq).run(statements, MediaQueries.READ_CHUNK, row -> row.getBuffer("data"))
        .map(SqlParams::first);
  }

  @Override
  public Future<Void> delete(UUID blob) {
    return SqlParams.with("blob", blob).run(statements, MediaQueries.DELETE_CHUNKS)
        .compose(deleted -> complete(blob));
  }
}
