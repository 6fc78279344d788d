package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.octavo.common.media.MediaClient;
import io.octavo.common.media.MediaFile;
import io.octavo.common.media.MediaItem;
import io.octavo.common.media.MediaReplies;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.PostsClient;
import io.octavo.gateway.edge.MediaSettings;
import io.octavo.gateway.edge.PathParams;
import io.octavo.gateway.edge.RequestBodies;
import io.octavo.gateway.edge.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/import}: an archive is streamed to disk (never held in memory), checked, and
 * imported as a job in batches; {@code GET /api/import/{id}} reports on it. {@code GET /api/export}:
 * every post as a Markdown file with front matter, in a zip. The mapping of files to posts is the
 * posts-service's; this class moves bytes.
 */
public final class ImportExportHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ImportExportHandler.class);
  private static final int BATCH = 10;
  private static final int EXPORT_PAGE = 200;
  private static final int EXPORT_MEDIA_PAGE = 100;
  private static final long BATCH_TIMEOUT_SECONDS = 120;

  private final Vertx vertx;
  private final PostsClient posts;
  private final long maxImportBytes;
  private final WorkerExecutor workers;
  private final MediaClient media;
  private final MediaImporter mediaImporter;

  public ImportExportHandler(Vertx vertx, PostsClient posts, long maxImportBytes, MediaClient media,
                             MediaSettings mediaSettings) {
    this.vertx = vertx;
    this.posts = posts;
    this.maxImportBytes = maxImportBytes;
    this.media = media;
    this.mediaImporter = new MediaImporter(media, mediaSettings.maxBytes());
    // imports and exports wait on the posts-service batch by batch: two at a time, on their own threads
    this.workers = vertx.createSharedWorkerExecutor("octavo-import", 2, 30, TimeUnit.MINUTES);
  }

  public void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    long limit = maxImportBytes;
    if (RequestBodies.declaredLength(request) > limit) {
      ctx.response().putHeader("connection", "close");
      ctx.fail(new ServiceFailure(413, "the archive is larger than " + limit + " bytes"));
      return;
    }
    request.pause();
    vertx.fileSystem().createTempFile("octavo-import-", ".archive")
        .compose(path -> vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
            .onSuccess(file -> receive(ctx, Path.of(path), file, limit)))
        .onFailure(ctx::fail);
  }

  /** Streams the body to the file with back-pressure, refusing it once it passes the limit. */
  private void receive(RoutingContext ctx, Path path, AsyncFile file, long limit) {
    HttpServerRequest request = ctx.request();
    long[] received = {0};
    boolean[] refused = {false};
    request.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      received[0] += chunk.length();
      if (received[0] > limit) {
        refused[0] = true;
        file.close().onComplete(closed -> delete(path));
        ctx.response().putHeader("connection", "close");
        ctx.fail(new ServiceFailure(413, "the archive is larger than " + limit + " bytes"));
        return;
      }
      file.write(chunk);
      if (file.writeQueueFull()) {
        request.pause();
        file.drainHandler(drained -> request.resume());
      }
    });
    request.exceptionHandler(error -> {
      refused[0] = true;
      file.close().onComplete(closed -> delete(path));
    });
    request.endHandler(end -> {
      if (!refused[0]) {
        file.close().compose(closed -> start(path, ctx.request().getParam("dialect"))).onSuccess(job -> {
          ctx.response().putHeader("location", "/api/import/" + job.id());
          Responses.json(ctx, 202, job.toJson());
        }).onFailure(error -> {
          delete(path);
          ctx.fail(error);
        });
      }
    });
    request.resume();
  }

  /**
   * Checks the whole archive first (a bad one is refused before any post is touched), learning the
   * site's shape on the way (its paths and configuration files), then imports in the background.
   */
  private Future<Imports.Job> start(Path archive, String dialect) {
    ArchiveReader reader = new ArchiveReader(archive, maxImportBytes * 10);
    return workers.executeBlocking(() -> {
      List<String> paths = new ArrayList<>();
      Map<String, String> configs = new LinkedHashMap<>();
      reader.read(file -> {
        paths.add(file.getString("path"));
        if (file.getString("config") != null) {
          configs.put(file.getString("path"), file.getString("config"));
        }
      });
      return new Imports.SiteFiles(paths, configs, dialect);
    }, false)
        .compose(site -> posts.startImport(site.paths().size(), site))
        .compose(job -> posts.importJob(job.id()))
        .onSuccess(job -> workers.executeBlocking(() -> run(reader, job.id()), false)
            .onComplete(done -> delete(archive)));
  }

  /** Runs on an import worker: batches go to the posts-service one after another. */
  private Void run(ArchiveReader reader, String job) throws Exception {
    String error = null;
    try {
      // images first, so the posts that show them link them when they are rendered
      Map<String, JsonObject> stored = new HashMap<>();
      reader.read(file -> {
        if (MediaImporter.isMedia(file.getString("path"))) {
          stored.put(file.getString("path"), file);
        }
      }, mediaImporter::store);
      List<JsonObject> batch = new ArrayList<>();
      reader.read(file -> {
        file.remove("config");
        batch.add(stored.getOrDefault(file.getString("path"), file));
        if (batch.size() == BATCH) {
          send(job, batch);
        }
      });
      if (!batch.isEmpty()) {
        send(job, batch);
      }
    } catch (Exception e) {
      error = e instanceof ServiceFailure ? e.getMessage() : "the import stopped: " + ServiceFailure.messageOf(e);
      LOG.warn("import {} stopped", job, e);
    }
    posts.finishImport(job, error).toCompletionStage().toCompletableFuture().get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return null;
  }

  private void send(String job, List<JsonObject> batch) {
    try {
      posts.importBatch(job, batch.stream().map(Imports.File::fromJson).toList(), Duration.ofSeconds(BATCH_TIMEOUT_SECONDS)).toCompletionStage().toCompletableFuture()
          .get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    } finally {
      batch.clear();
    }
  }

  public void status(RoutingContext ctx) {
    String id = PathParams.get(ctx, "id");
    if (id == null || !id.matches("[0-9a-fA-F-]{36}")) {
      throw ServiceFailure.notFound("no import '" + (id == null ? "" : id) + "'");
    }
    posts.importJob(id).onSuccess(job -> Responses.json(ctx, 200, job.toJson())).onFailure(ctx::fail);
  }

  /** Writes the zip to a temporary file page by page, then sends it. */
  public void export(RoutingContext ctx) {
    workers.executeBlocking(() -> {
      Path zip = Files.createTempFile("octavo-export-", ".zip");
      try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
        Long after = 0L;
        while (after != null) {
          Imports.ExportPage page = posts.export(after, EXPORT_PAGE).toCompletionStage().toCompletableFuture()
              .get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
          for (Imports.ExportedFile file : page.items()) {
            entries.putNextEntry(new ZipEntry(file.path()));
            entries.write(file.content().getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
          }
          after = page.nextAfterId();
        }
        exportMedia(entries);
      } catch (Exception e) {
        delete(zip);
        throw e;
      }
      return zip;
    }, false).onSuccess(zip -> ctx.response()
        .putHeader("content-type", "application/zip")
        .putHeader("content-disposition", "attachment; filename=\"octavo-export.zip\"")
        .putHeader("cache-control", "no-store")
        .sendFile(zip.toString())
        .onComplete(sent -> delete(zip)))
        .onFailure(ctx::fail);
  }

  /**
   * Writes every media item under {@code media/}, at the longest path it is known by (its path in
   * the site it was imported from), chunk by chunk; importing the zip gives the same items and
   * the posts' references resolve to them again.
   */
  private void exportMedia(ZipOutputStream entries) throws Exception {
    String cursor = null;
    do {
      MediaReplies.Page page = await(media.list(EXPORT_MEDIA_PAGE, cursor));
      for (MediaItem item : page.items()) {
        String path = item.paths() == null || item.paths().isEmpty() ? item.name() : item.paths().get(0);
        MediaFile file = await(media.file(item.sha256()));
        entries.putNextEntry(new ZipEntry("media/" + path));
        for (int seq = 0; seq < file.chunks(); seq++) {
          entries.write(await(media.read(file, seq)).getBytes());
        }
        entries.closeEntry();
      }
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Most callers are on an event loop (close, send and failure callbacks): the unlink runs on a worker. */
  private void delete(Path path) {
    vertx.executeBlocking(() -> Files.deleteIfExists(path), false)
        .onFailure(e -> LOG.warn("could not delete {}", path, e));
  }
}
