package io.octavo.standalone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code java -jar octavo.jar import <site|archive> [--dialect D] [--url URL] [--token T]}: packs a
 * site's folder (a Jekyll, Hugo or Hexo site root, or a bare folder of posts; or takes a .zip or
 * .tar.gz), uploads it with a progress bar, follows the import job, and prints what happened to
 * each file that needs a look, then a summary table.
 */
final class ImportCommand {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ImportCommand() {
  }

  static int run(String[] args, Map<String, String> env, PrintStream out) throws Exception {
    Path source = null;
    String url = env.getOrDefault("OCTAVO_URL", "http://localhost:" + env.getOrDefault("HTTP_PORT", "8080"));
    String token = env.get("OCTAVO_ADMIN_TOKEN");
    String dialect = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--token" -> token = args[++i];
        case "--dialect" -> dialect = args[++i];
        default -> source = Path.of(args[i]);
      }
    }
    if (source == null || !Files.exists(source)) {
      out.println("usage: java -jar octavo.jar import <site folder|archive.zip|archive.tar.gz> [--dialect kramdown|goldmark|pandoc]"
          + " [--url URL] [--token TOKEN]");
      return 2;
    }
    if (token == null || token.isBlank()) {
      out.println("give the admin token with --token or OCTAVO_ADMIN_TOKEN");
      return 2;
    }
    Path archive = Files.isDirectory(source) ? pack(source, out) : source;
    String type = archive.toString().endsWith(".zip") ? "application/zip" : "application/gzip";
    long size = Files.size(archive);
    out.printf("uploading %s (%,d bytes) to %s%n", source, size, url);
    String query = dialect == null ? "" : "?dialect=" + java.net.URLEncoder.encode(dialect, java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest upload = HttpRequest.newBuilder(URI.create(url + "/api/import" + query))
        .header("authorization", "Bearer " + token).header("content-type", type)
        .POST(HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(() -> progress(archive, size, out)), size))
        .build();
    HttpResponse<String> accepted = HTTP.send(upload, HttpResponse.BodyHandlers.ofString());
    out.println();
    if (accepted.statusCode() != 202) {
      out.println("refused (" + accepted.statusCode() + "): " + accepted.body());
      return 1;
    }
    String location = url + accepted.headers().firstValue("location").orElseThrow();
    JsonObject job = new JsonObject(accepted.body());
    while ("running".equals(job.getString("status"))) {
      out.printf("\rimporting: %d of %d files", job.getInteger("processed"), job.getInteger("total"));
      Thread.sleep(500);
      job = new JsonObject(HTTP.send(HttpRequest.newBuilder(URI.create(location)).header("authorization", "Bearer " + token)
          .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
    out.printf("\rimported: %d of %d files          %n", job.getInteger("processed"), job.getInteger("total"));
    report(job.getJsonArray("results", new JsonArray()), out);
    if (job.getString("error") != null) {
      out.println("the import stopped: " + job.getString("error"));
      return 1;
    }
    return 0;
  }

  /** Files that need a look (errors, warnings, skipped Markdown), then one line per result. */
  static void report(JsonArray results, PrintStream out) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String kind : List.of("created", "updated", "unchanged", "skipped", "error")) {
      counts.put(kind, 0);
    }
    int warned = 0;
    for (Object item : results) {
      JsonObject result = (JsonObject) item;
      String kind = result.getString("result");
      counts.merge(kind, 1, Integer::sum);
      JsonArray warnings = result.getJsonArray("warnings", new JsonArray());
      boolean skippedMarkdown = "skipped".equals(kind) && !"not Markdown".equals(result.getString("reason"));
      if ("error".equals(kind) || skippedMarkdown || !warnings.isEmpty()) {
        out.println("  " + kind + " " + result.getString("path")
            + (result.getString("slug") != null ? " -> /posts/" + result.getString("slug") : "")
            + (result.getString("reason") != null ? ": " + result.getString("reason") : ""));
        warnings.forEach(warning -> out.println("      " + warning));
        warned += warnings.isEmpty() ? 0 : 1;
      }
    }
    out.println();
    out.println("  result      files");
    out.println("  ---------   -----");
    for (String kind : List.of("created", "updated", "unchanged", "media", "skipped", "error")) {
      if (!kind.equals("media") || counts.containsKey("media")) {
        out.printf("  %-9s   %5d%n", kind, counts.get(kind));
      }
    }
    out.printf("  %-9s   %5d%n", "total", results.size());
    out.printf("  (%d file(s) with warnings)%n", warned);
  }

  /** Zips a folder's files (paths relative to it) into a temporary archive. */
  private static Path pack(Path folder, PrintStream out) throws IOException {
    Path zip = Files.createTempFile("octavo-import-", ".zip");
    zip.toFile().deleteOnExit();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(file -> !generated(folder.relativize(file))).toList();
    }
    try (OutputStream stream = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(stream)) {
      for (Path file : files) {
        entries.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, entries);
        entries.closeEntry();
      }
    }
    out.printf("packed %d files from %s%n", files.size(), folder);
    return zip;
  }

  /** Version control, dependencies and build output: not the site's sources. */
  private static boolean generated(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || List.of("node_modules", "_site", "public", "resources", "vendor").contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** The archive as a stream that draws a progress bar as it is read. */
  private static InputStream progress(Path archive, long size, PrintStream out) {
    try {
      InputStream in = Files.newInputStream(archive);
      return new InputStream() {
        private long sent;
        private int shown = -1;

        @Override
        public int read() throws IOException {
          int b = in.read();
          advance(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          advance(Math.max(n, 0));
          return n;
        }

        private void advance(int n) {
          sent += n;
          int percent = size == 0 ? 100 : (int) (sent * 100 / size);
          if (percent != shown) {
            shown = percent;
            int bars = percent / 4;
            out.printf("\r[%s%s] %3d%%", "#".repeat(bars), " ".repeat(25 - bars), percent);
          }
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
