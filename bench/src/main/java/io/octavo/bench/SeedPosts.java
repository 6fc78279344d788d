package io.octavo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Loads synthetic published posts straight into an Octavo database (the schema must exist: start
 * Octavo on it once first). Rows are generated inside PostgreSQL in batches of 50,000, so a million
 * posts take minutes, not hours. Bodies are a few paragraphs of words drawn from a small
 * vocabulary, with tags from a set of 50; published one minute apart, newest last.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.octavo.bench.SeedPosts JDBC_URL USER PASSWORD COUNT}
 */
public final class SeedPosts {
  private static final int BATCH = 50_000;

  private static final String INSERT = """
      WITH words AS (
        SELECT ARRAY['vertx','postgres','render','markdown','latency','cache','index','cluster','replica',
                     'gateway','query','token','feed','series','search','kernel','tensor','gradient',
                     'quaternion','monad','lambda','closure','thread','buffer','socket','schema'] AS w
      )
      INSERT INTO posts (slug, title, markdown, html, excerpt_html, has_more, toc, word_count, tags,
                         status, published_at, created_at, updated_at, renderer_version)
      SELECT 'seed-' || n,
             'Seeded post ' || n || ' about ' || w[1 + n % 26] || ' and ' || w[1 + (n / 26) % 26],
             md, '<p>' || md || '</p>', '<p>' || left(md, 160) || '</p>', true, '[]'::jsonb,
             60, ARRAY['tag-' || (n % 50), 'topic-' || (n % 7)],
             'published', timestamptz '2015-01-01' + n * interval '1 minute',
             timestamptz '2015-01-01' + n * interval '1 minute', timestamptz '2015-01-01' + n * interval '1 minute', ?
        FROM words, generate_series(?::bigint, ?::bigint) AS n,
             LATERAL (SELECT 'Post ' || n || ' explains ' || w[1 + n % 26] || ' with ' || w[1 + (n * 7) % 26]
                             || ' and ' || w[1 + (n * 13) % 26] || '. The ' || w[1 + (n * 3) % 26]
                             || ' of a ' || w[1 + (n * 5) % 26] || ' meets the ' || w[1 + (n * 11) % 26]
                             || ' when the ' || w[1 + (n * 17) % 26] || ' is warm.' AS md) body
      ON CONFLICT DO NOTHING""";

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long count = Long.parseLong(args[3]);
    int rendererVersion = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
      long start = System.nanoTime();
      long from = nextNumber(connection);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (long first = from; first < from + count; first += BATCH) {
          long last = Math.min(first + BATCH - 1, from + count - 1);
          insert.setInt(1, rendererVersion);
          insert.setLong(2, first);
          insert.setLong(3, last);
          insert.executeUpdate();
          System.out.printf("seeded %,d of %,d (%.0f s)%n", last - from + 1, count, (System.nanoTime() - start) / 1e9);
        }
      }
      try (Statement analyze = connection.createStatement()) {
        analyze.execute("ANALYZE posts");
      }
    }
  }

  private static long nextNumber(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
         var rows = statement.executeQuery("SELECT count(*) FROM posts WHERE slug LIKE 'seed-%'")) {
      rows.next();
      return rows.getLong(1) + 1;
    }
  }
}
