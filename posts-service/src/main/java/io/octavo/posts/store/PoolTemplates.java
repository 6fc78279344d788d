package io.octavo.posts.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements a repository runs on its pool, each parsed by {@link SqlTemplate} once: parsing
 * costs event-loop time on every call otherwise (about 14 µs for {@link SqlQueries#SELECT_BY_SLUG},
 * measured on these machines), and reads run it for every request. A transaction's connection is
 * another client, so statements inside one are parsed where they run (writes, a few a request).
 */
final class PoolTemplates {
  private final Pool pool;
  private final Map<String, SqlTemplate<Map<String, Object>, RowSet<Row>>> parsed = new ConcurrentHashMap<>();

  PoolTemplates(Pool pool) {
    this.pool = pool;
  }

  SqlTemplate<Map<String, Object>, RowSet<Row>> of(String sql) {
    return parsed.computeIfAbsent(sql, text -> SqlTemplate.forQuery(pool, text));
  }
}
