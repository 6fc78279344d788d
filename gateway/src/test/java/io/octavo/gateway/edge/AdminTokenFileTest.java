package io.octavo.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated admin token outlives restarts, only its hash is on disk, and rotating it retires the old one. */
class AdminTokenFileTest {
  private static final Pattern PRINTED = Pattern.compile("OCTAVO_ADMIN_TOKEN=(\\S+)");

  @TempDir
  Path dir;

  @Test
  void theFirstStartPrintsATokenAndKeepsOnlyItsHashOwnerOnly() throws Exception {
    AdminTokenFile file = new AdminTokenFile(dir.resolve("admin-token.sha256"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AdminToken admin = file.loadOrCreate(new PrintStream(out, true, StandardCharsets.UTF_8));
    String token = printed(out);

    assertThat(admin.matches(token)).isTrue();
    String stored = Files.readString(file.path());
    assertThat(stored).startsWith("sha256:").doesNotContain(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
  }

  @Test
  void laterStartsKeepTheTokenAndPrintNothing() {
    AdminTokenFile file = new AdminTokenFile(dir.resolve("admin-token.sha256"));
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    file.loadOrCreate(new PrintStream(first, true, StandardCharsets.UTF_8));
    String token = printed(first);

    ByteArrayOutputStream second = new ByteArrayOutputStream();
    AdminToken restarted = new AdminTokenFile(file.path()).loadOrCreate(new PrintStream(second, true, StandardCharsets.UTF_8));
    assertThat(restarted.matches(token)).isTrue();
    assertThat(second.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aRotatedTokenReplacesTheOldOneInARunningGateway() {
    AdminTokenFile file = new AdminTokenFile(dir.resolve("admin-token.sha256"));
    String old = file.rotate();
    AdminToken running = file.load().orElseThrow();
    Vertx vertx = Vertx.vertx();
    try {
      running.watch(vertx);
      String rotated = file.rotate();
      Promise<Void> switched = Promise.promise();
      vertx.setPeriodic(50, id -> {
        if (running.matches(rotated)) {
          switched.tryComplete();
        }
      });
      switched.future().await(5, TimeUnit.SECONDS);
      assertThat(running.matches(old)).isFalse();
      assertThat(new AdminTokenFile(file.path()).load().orElseThrow().matches(old)).isFalse();
    } catch (Exception e) {
      throw new AssertionError("the rotated token was not picked up", e);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aClusteredGatewayNeedsATokenOrAHashFile() throws Exception {
    assertThatThrownBy(() -> AdminToken.fromEnv(Map.of())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OCTAVO_ADMIN_TOKEN");
    AdminTokenFile file = new AdminTokenFile(dir.resolve("shared.sha256"));
    String token = file.rotate();
    assertThat(AdminToken.fromEnv(Map.of(AdminTokenFile.ENV, file.path().toString())).matches(token)).isTrue();
    assertThat(AdminToken.fromEnv(Map.of("OCTAVO_ADMIN_TOKEN", "given")).matches("given")).isTrue();
  }

  private static String printed(ByteArrayOutputStream out) {
    Matcher matcher = PRINTED.matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(matcher.find()).as("the token is printed").isTrue();
    return matcher.group(1);
  }
}
