package io.octavo.posts;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import io.octavo.posts.imports.Site;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Imports a site's files into posts, one batch at a time, as a job any replica can report on.
 * Each file is created, updated (a new revision), unchanged (nothing written), skipped (not a
 * post: an image, a page of the site; the reason is given) or an error (the reason is given);
 * one bad file never stops the others, and no post is dropped for its slug: a file is matched to
 * its post by its path in the site, and a file whose slug is taken gets the next free one and a
 * warning. Importing the same site twice changes nothing.
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

  /** {@code site}: the archive's file paths and configuration files, to detect the engine from (may be null). */
  Future<JsonObject> start(int total, JsonObject site) {
    UUID id = UUID.randomUUID();
    Site detected = Site.detect(site);
    return repository.startImport(id, total, detected.toJson())
        .map(new JsonObject().put("id", id.toString()).put("site", detected.toJson()));
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
    return repository.importSite(job).compose(siteJson -> {
      Site site = Site.fromJson(siteJson);
      JsonArray results = new JsonArray();
      Future<Void> chain = Future.succeededFuture();
      for (Object item : files) {
        JsonObject file = (JsonObject) item;
        chain = chain.compose(done -> importOne(site, file).map(result -> {
          results.add(result);
          return null;
        }));
      }
      return chain.compose(done -> repository.recordImport(job, results)).map(new JsonObject().put("results", results));
    });
  }

  Future<JsonObject> finish(UUID job, String error) {
    return repository.finishImport(job, error == null ? "done" : "failed", error)
        .compose(done -> repository.importJob(job));
  }

  private Future<JsonObject> importOne(Site site, JsonObject file) {
    String path = file.getString("path", "");
    JsonObject result = new JsonObject().put("path", path);
    if (file.getString("media") != null) {
      return Future.succeededFuture(result.put("result", "media").put("reason", "stored as " + file.getString("media")));
    }
    if (file.getString("skip") != null) {
      return Future.succeededFuture(result.put("result", "skipped").put("reason", file.getString("skip")));
    }
    Site.Placement placement = site.place(path);
    if (placement == Site.Placement.OTHER) {
      // media hook: images and other files a post refers to arrive here once a media step takes them
      return Future.succeededFuture(result.put("result", "skipped").put("reason", "not Markdown"));
    }
    if (placement == Site.Placement.PAGE) {
      return Future.succeededFuture(result.put("result", "skipped")
          .put("reason", "a page of the " + site.engineOf(path).name().toLowerCase(java.util.Locale.ROOT)
              + " site, not a post (posts are in its posts folder)"));
    }
    String content = file.getString("content", "");
    ImportMapper.Imported imported;
    try {
      imported = ImportMapper.map(path, content, site, placement == Site.Placement.DRAFT);
    } catch (RuntimeException unreadable) {
      return Future.succeededFuture(result.put("result", "error").put("reason", ServiceFailure.messageOf(unreadable)));
    }
    String key = site.pathInSite(path);
    byte[] original = content.getBytes(StandardCharsets.UTF_8);
    return repository.importedSlug(key)
        .compose(slug -> slug != null ? rewrite(slug, imported, result, key)
            : create(imported, result, key))
        .compose(written -> repository.recordSource(key, written.getString("slug"), imported.dialect().key(), original,
                oldPaths(imported, written.getString("slug")))
            .map(written))
        .map(written -> {
          if (!imported.warnings().isEmpty()) {
            written.put("warnings", new JsonArray(imported.warnings()));
          }
          return written;
        })
        .recover(error -> Future.succeededFuture(result.put("result", "error")
            .put("reason", ServiceFailure.codeOf(error) < 500 ? error.getMessage()
                : "could not be stored now (" + ServiceFailure.messageOf(error) + "); import it again")));
  }

  /** A file imported before: its post, updated unless nothing changed. Its slug stays. */
  private Future<JsonObject> rewrite(String slug, ImportMapper.Imported imported, JsonObject result, String source) {
    ImportMapper.Imported same = imported.withSlug(slug);
    result.put("slug", slug);
    return repository.findBySlug(slug, true).compose(existing -> {
      if (existing == null) {
        return create(imported, result, source);
      }
      if (unchanged(existing, same)) {
        return Future.succeededFuture(result.put("result", "unchanged"));
      }
      return writer.update(slug, existing.version(), same.input(), same.meta()).map(post -> result.put("result", "updated"));
    });
  }

  /**
   * A file seen for the first time. Its slug may be taken: by a post a writer made, or by another
   * file of the site ("hello.md" in two folders). The post then gets the next free slug and the
   * report says so. A post that an import without paths made from the same source is adopted.
   */
  private Future<JsonObject> create(ImportMapper.Imported imported, JsonObject result, String source) {
    String wanted = imported.slug();
    return repository.findBySlug(wanted, true).compose(existing -> existing == null ? Future.succeededFuture(false)
            : repository.hasImportSource(wanted).map(tied -> !tied && unchanged(existing, imported)))
        .compose(adopt -> {
          if (adopt) {
            return Future.succeededFuture(result.put("slug", wanted).put("result", "unchanged"));
          }
          return repository.availableSlug(wanted).compose(slug -> {
            if (!slug.equals(wanted)) {
              imported.warnings().add("the slug '" + wanted + "' is taken by another post: this one is '" + slug + "'");
            }
            return writer.create(imported.withSlug(slug).input(), imported.meta(), source)
                .map(post -> result.put("slug", post.slug()).put("result", "created"));
          });
        });
  }

  private static List<String> oldPaths(ImportMapper.Imported imported, String slug) {
    List<String> paths = new ArrayList<>();
    for (String path : imported.oldPaths()) {
      String normal = OldPaths.normalise(path);
      if (normal != null && !normal.equals("/posts/" + slug)) {
        paths.add(normal);
      }
    }
    return paths;
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
        && Arrays.stream(PostField.values()).allMatch(field -> field.unchanged(existing, draft))
        && existing.meta().equals(imported.meta());
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
