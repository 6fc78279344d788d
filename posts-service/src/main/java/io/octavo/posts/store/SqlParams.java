package io.octavo.posts.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The named parameters of one statement of {@link SqlQueries} or {@link MediaQueries}
 * ({@code #{slug}}), and the statement run with them through {@link SqlTemplate}. Unlike
 * {@code Map.of}, a value may be null: SQL NULL.
 */
final class SqlParams {
  private final Map<String, Object> values = new HashMap<>();

  private SqlParams() {
  }

  static SqlParams with(String name, Object value) {
    return new SqlParams().and(name, value);
  }

  SqlParams and(String name, Object value) {
    values.put(name, value);
    return this;
  }

  Map<String, Object> map() {
    return values;
  }

  /** Runs {@code sql} on {@code client} with these parameters. */
  Future<RowSet<Row>> run(SqlClient client, String sql) {
    return SqlTemplate.forQuery(client, sql).execute(values);
  }

  /** Runs {@code sql} on {@code client} with these parameters, each row read by {@code mapper}. */
  <T> Future<RowSet<T>> run(SqlClient client, String sql, RowMapper<T> mapper) {
    return SqlTemplate.forQuery(client, sql).mapTo(mapper).execute(values);
  }

  /** Runs {@code sql} on a pool, parsed once, with these parameters. */
  Future<RowSet<Row>> run(PoolTemplates pool, String sql) {
    return pool.of(sql).execute(values);
  }

  /** Runs {@code sql} on a pool, parsed once, with these parameters, each row read by {@code mapper}. */
  <T> Future<RowSet<T>> run(PoolTemplates pool, String sql, RowMapper<T> mapper) {
    return pool.of(sql).mapTo(mapper).execute(values);
  }

  /** The first mapped row, or null when there is none. */
  static <T> T first(RowSet<T> rows) {
    return rows.size() == 0 ? null : rows.iterator().next();
  }

  /** Every mapped row. */
  static <T> List<T> list(RowSet<T> rows) {
    List<T> list = new ArrayList<>(rows.size());
    rows.forEach(list::add);
    return list;
  }
}
