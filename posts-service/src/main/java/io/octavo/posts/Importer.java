package io.octavo.posts;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Imports files into posts, one batch at a time, as a job any replica can report on. Each file is
 * created, updated (a new revision), unchanged (same fields and source: nothing written) or
 * skipped with the reason; one bad file never stops the others. Files are matched to posts by slug,
 * so importing the same archive twice changes nothing.
 */
final class Importer {
  private final PostsRepository repository;
  private final PostWriter writer;
  static final Duration SILENCE = Duration.ofMinutes(5);
  private final PostFields fields = new PostFields(Clock.systemUTC());

  Importer(PostsRepository repository, PostWriter writer) {
    this.repository = repository;
    this.writer = writer;
  }

  Future<JsonObject> start(int total) {
    UUID id = UUID.randomUUID();
    return repository.startImport(id, total).map(new JsonObject().put("id", id.toString()));
  }

  /** Imports a batch of {@code {path, content}} (content null: the gateway's reason in {@code skip}). */
  Future<JsonObject> batch(UUID job, JsonArray files) {
    return repository.beatImport(job).compose(running -> running ? importBatch(job, files)
        : Future.failedFuture(ServiceFailure.conflict("import " + job + " is no longer running")));
  }

  /**
   * The job as the API shows it. A job still "running" with no batch for {@link #SILENCE} lost the
   * gateway that drove it (a gateway gives a batch at most two minutes): it is reported as failed.
   */
  Future<JsonObject> job(UUID job) {
    return repository.expireImport(job, SILENCE, "interrupted: no progress for " + SILENCE.toMinutes()
            + " minutes (the gateway running it stopped); import the archive again, files already imported are unchanged")
        .compose(checked -> repository.importJob(job));
  }

  private Future<JsonObject> importBatch(UUID job, JsonArray files) {
    Set<String> seen = new HashSet<>();
    JsonArray results = new JsonArray();
    Future<Void> chain = Future.succeededFuture();
    for (Object item : files) {
      JsonObject file = (JsonObject) item;
      chain = chain.compose(done -> importOne(job, file, seen).map(result -> {
        results.add(result);
        return null;
      }));
    }
    return chain.compose(done -> repository.recordImport(job, results)).map(new JsonObject().put("results", results));
  }

  Future<JsonObject> finish(UUID job, String error) {
    return repository.finishImport(job, error == null ? "done" : "failed", error)
        .compose(done -> repository.importJob(job));
  }

  private Future<JsonObject> importOne(UUID job, JsonObject file, Set<String> seen) {
    String path = file.getString("path", "");
    JsonObject result = new JsonObject().put("path", path);
    if (file.getString("media") != null) {
      return Future.succeededFuture(result.put("result", "media").put("reason", "stored as " + file.getString("media")));
    }
    if (file.getString("skip") != null) {
      return Future.succeededFuture(result.put("result", "skipped").put("reason", file.getString("skip")));
    }
    ImportMapper.Imported imported;
    try {
      imported = ImportMapper.map(path, file.getString("content", ""));
    } catch (ServiceFailure refused) {
      return Future.succeededFuture(result.put("result", "skipped").put("reason", refused.getMessage()));
    }
    String slug = imported.slug();
    result.put("slug", slug);
    JsonObject duplicate = result.copy().put("result", "skipped")
        .put("reason", "duplicate slug in the archive: an earlier file is already '" + slug + "'");
    if (!seen.add(slug)) {
      return Future.succeededFuture(duplicate);
    }
    return repository.importedBefore(job, slug).compose(before -> before ? Future.succeededFuture(duplicate)
        : write(imported, result));
  }

  private Future<JsonObject> write(ImportMapper.Imported imported, JsonObject result) {
    String slug = imported.slug();
    return repository.findBySlug(slug, true)
        .compose(existing -> {
          if (existing == null) {
            return writer.create(imported.input(), imported.meta()).map(post -> result.put("result", "created"));
          }
          if (unchanged(existing, imported)) {
            return Future.succeededFuture(result.put("result", "unchanged"));
          }
          return writer.update(slug, existing.version(), imported.input(), imported.meta())
              .map(post -> result.put("result", "updated"));
        })
        .recover(error -> Future.succeededFuture(result.put("result", "skipped")
            .put("reason", ServiceFailure.codeOf(error) < 500 ? error.getMessage()
                : "could not be stored now (" + ServiceFailure.messageOf(error) + "); import it again")));
  }

  /** The same post the file would write: same source, fields and meta. */
  private boolean unchanged(Post existing, ImportMapper.Imported imported) {
    PostDraft draft;
    try {
      draft = fields.resolve(imported.input(), existing);
    } catch (ServiceFailure invalid) {
      return false; // let the write report it
    }
    return existing.markdown().equals(draft.markdown())
        && existing.title().equals(draft.title())
        && existing.tags().equals(draft.tags())
        && Objects.equals(existing.series(), draft.series())
        && Objects.equals(existing.seriesPart(), draft.seriesPart())
        && existing.status().equals(draft.status())
        && sameInstant(existing.publishedAt(), draft.publishedAt())
        && existing.meta().equals(imported.meta());
  }

  private static boolean sameInstant(String stored, OffsetDateTime resolved) {
    if (stored == null || resolved == null) {
      return stored == null && resolved == null;
    }
    return OffsetDateTime.parse(stored).toInstant().equals(resolved.toInstant());
  }

  /** A page of the export: every live post as a file, with the cursor of the next page. */
  Future<JsonObject> exportPage(long afterId, int limit) {
    return repository.exportPage(afterId, limit).map(page -> {
      JsonArray items = new JsonArray();
      page.forEach(exported -> items.add(new JsonObject()
          .put("path", PostFile.path(exported.post())).put("content", PostFile.content(exported.post()))));
      return new JsonObject().put("items", items)
          .put("next_after_id", page.size() < limit ? null : page.get(page.size() - 1).id());
    });
  }

}
