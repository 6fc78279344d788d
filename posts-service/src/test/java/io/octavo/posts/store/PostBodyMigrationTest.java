package io.octavo.posts.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.config.PgSettings;
import io.octavo.common.testing.TestPostgres;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Posts stored before the body column existed: searched by their body, whatever their front matter. */
class PostBodyMigrationTest {

  @Test
  void postsStoredBeforeTheUpgradeAreSearchedWithoutTheirFrontMatter() throws SQLException {
    PgSettings database = TestPostgres.freshDatabase(PostBodyMigrationTest.class);
    Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
        .locations("classpath:db/migration").target("11").load().migrate();
    try (Connection db = connect(database)) {
      insert(db, "hugo", "+++\ntitle = \"Hugo\"\nkeywords = \"zebrafish\"\n+++\nKites over the bay.\n");
      insert(db, "jekyll", "---\ntitle: Jekyll\nkeywords: zebrafish\n---\nKites in the park.\n");
      // commonmark's YAML extension, which rendered these before, allowed spaces after the opening fence
      insert(db, "spaced", "--- \ntitle: Spaced\nkeywords: zebrafish\n---\nKites on the beach.\n");
      insert(db, "rule", "---\nKites without front matter, under a rule.\n");
    }

    Vertx vertx = Vertx.vertx();
    try {
      Database.migrate(vertx, database).await();
    } finally {
      vertx.close().await();
    }

    try (Connection db = connect(database)) {
      assertThat(values(db, "SELECT slug FROM posts WHERE search @@ websearch_to_tsquery('english', 'zebrafish')"))
          .isEmpty();
      assertThat(values(db, "SELECT slug FROM posts WHERE search @@ websearch_to_tsquery('english', 'kites') ORDER BY slug"))
          .containsExactly("hugo", "jekyll", "rule", "spaced");
      assertThat(values(db, "SELECT body FROM posts ORDER BY slug"))
          .containsExactly("Kites over the bay.\n", "Kites in the park.\n", "---\nKites without front matter, under a rule.\n",
              "Kites on the beach.\n");
    }
  }

  private static Connection connect(PgSettings database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  private static void insert(Connection db, String slug, String markdown) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(
        "INSERT INTO posts (slug, title, markdown, status, published_at) VALUES (?, ?, ?, 'published', now())")) {
      insert.setString(1, slug);
      insert.setString(2, slug);
      insert.setString(3, markdown);
      insert.executeUpdate();
    }
  }

  private static List<String> values(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
