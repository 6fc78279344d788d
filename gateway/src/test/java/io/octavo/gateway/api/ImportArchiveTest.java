package io.octavo.gateway.api;

import static io.octavo.common.testing.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.ImportOutcome;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.PostsContracts;
import io.octavo.common.testing.BusStub;
import io.octavo.common.testing.DocumentedHttp;
import io.octavo.gateway.StubPostsService;
import io.octavo.gateway.TestGateway;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading an uploaded archive, the gateway's part of an import: what it refuses before any post is
 * touched, and the files it hands to the posts-service (a stand-in here, which records them).
 * What the files become is the posts-service's ImportJobsTest.
 */
class ImportArchiveTest {
  private static final String TOKEN = "import-token";
  private static Vertx vertx;
  private static DocumentedHttp http;
  private static BusStub bus;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    bus = StubPostsService.start(vertx, List.of(), List.of()).bus()
        .answer(PostsContracts.IMPORT_START, start -> new Imports.Started(UUID.randomUUID().toString(),
            new Imports.DetectedSite("plain", "", "", null, false, true, null)))
        .answer(PostsContracts.IMPORT_GET, ref -> job(ref.id(), Imports.JobStatus.RUNNING))
        .answer(PostsContracts.IMPORT_BATCH, batch -> new Imports.BatchResults(batch.files().stream()
            .map(file -> Imports.FileResult.of(file.path(), file.skip() == null ? ImportOutcome.CREATED
                : ImportOutcome.SKIPPED, file.skip())).toList()))
        .answer(PostsContracts.IMPORT_FINISH, finish -> job(finish.job(), Imports.JobStatus.DONE));
    http = TestGateway.deploy(vertx, TestGateway.settings(TOKEN,
        Map.of("OCTAVO_MAX_IMPORT_BYTES", String.valueOf(2 * 1024 * 1024))));
  }

  private static Imports.Job job(String id, Imports.JobStatus status) {
    return new Imports.Job(id, status, 0, 0, null, "2026-01-01T00:00:00Z", null, List.of());
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpResponse<Buffer> upload(byte[] archive, String type) {
    MultiMap headers = DocumentedHttp.admin(TOKEN).add("content-type", type);
    return http.send(HttpMethod.POST, "/api/import", headers, Buffer.buffer(archive));
  }

  private static byte[] tarGz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The files of every batch the posts-service was sent, once {@code jobs} imports have finished. */
  private static Map<String, Imports.File> filesSentAfter(int jobs) {
    for (int attempt = 0; attempt < 250 && bus.count(PostsContracts.IMPORT_FINISH) < jobs; attempt++) {
      vertx.timer(20).await();
    }
    assertThat(bus.count(PostsContracts.IMPORT_FINISH)).as("imports finished").isEqualTo(jobs);
    Map<String, Imports.File> files = new LinkedHashMap<>();
    bus.requests(PostsContracts.IMPORT_BATCH).forEach(batch -> batch.files().forEach(file -> files.put(file.path(), file)));
    return files;
  }

  @Test
  void unsafeOrOversizedArchivesAreRefusedBeforeAnyJobStarts() throws Exception {
    int started = bus.count(PostsContracts.IMPORT_START);
    assertThat(upload("just text".getBytes(StandardCharsets.UTF_8), "application/zip").statusCode()).isEqualTo(415);
    assertThat(upload(new byte[3 * 1024 * 1024], "application/zip").statusCode()).isEqualTo(413);
    // a bomb: 2 MiB limit, 10x that may come out; this unpacks to 40 MiB of zeros
    Map<String, String> bomb = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      bomb.put("zeros-" + i + ".bin", "\0".repeat(1024 * 1024));
    }
    HttpResponse<Buffer> refused = upload(zip(bomb), "application/zip");
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("zip bomb");
    assertThat(bus.count(PostsContracts.IMPORT_START)).as("jobs started for refused archives").isEqualTo(started);

    HttpResponse<Buffer> accepted = upload(zip(Map.of("fine.md", "# Fine\n")), "application/zip");
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.getHeader("location")).matches("/api/import/[0-9a-f-]{36}");
  }

  @Test
  void aTarGzArrivesFileByFileAndAPathOutsideTheArchiveIsSkipped() throws Exception {
    int finished = bus.count(PostsContracts.IMPORT_FINISH);
    assertThat(upload(tarGz(Map.of("posts/changing.md", "---\ntitle: Changing\n---\nfirst\n")), "application/gzip")
        .statusCode()).isEqualTo(202);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("posts/kept.md", "# Kept\n");
    files.put("../escape.md", "# Escaped\n");
    assertThat(upload(zip(files), "application/zip").statusCode()).isEqualTo(202);

    Map<String, Imports.File> sent = filesSentAfter(finished + 2);
    assertThat(sent.get("posts/changing.md").content()).isEqualTo("---\ntitle: Changing\n---\nfirst\n");
    assertThat(sent.get("posts/kept.md").content()).isEqualTo("# Kept\n");
    assertThat(sent.get("../escape.md").content()).as("an escaping path's text is not read").isNull();
    assertThat(sent.get("../escape.md").skip()).isNotBlank();
  }
}
