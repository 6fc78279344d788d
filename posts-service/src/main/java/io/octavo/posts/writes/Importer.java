package io.octavo.posts.writes;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.ImportOutcome;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.Imports.FileResult;
import io.octavo.common.posts.Post;
import io.octavo.posts.fields.PostDraft;
import io.octavo.posts.fields.PostField;
import io.octavo.posts.fields.PostFields;
import io.octavo.posts.imports.ImportMapper;
import io.octavo.posts.imports.PostFile;
import io.octavo.posts.imports.Site;
import io.octavo.posts.store.PostsRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
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
  Future<Imports.Started> start(int total, Imports.SiteFiles site) {
    UUID id = UUID.randomUUID();
    Site detected = site == null ? Site.plain() : Site.detect(site.paths(), site.configs(), site.dialect());
    Imports.DetectedSite reply = detected.toDetected();
    return repository.startImport(id, total, reply).map(new Imports.Started(id.toString(), reply));
  }

  /** Imports a batch of files: each one's content, or the gateway's reason for skipping it, or its media item. */
  Future<Imports.BatchResults> batch(UUID job, List<Imports.File> files) {
    return repository.beatImport(job).compose(running -> running ? importBatch(job, files)
        : Future.failedFuture(ServiceFailure.conflict("import " + job + " is no longer running")));
  }

  /**
   * The job as the API shows it. A job still "running" with no batch for {@link #SILENCE} lost the
   * gateway that drove it (a gateway gives a batch at most two minutes): it is reported as failed.
   */
  Future<Imports.Job> job(UUID job) {
    return repository.expireImport(job, SILENCE, "interrupted: no progress for " + SILENCE.toMinutes()
            + " minutes (the gateway running it stopped); import the archive again, files already imported are unchanged")
        .compose(checked -> repository.importJob(job));
  }

  private Future<Imports.BatchResults> importBatch(UUID job, List<Imports.File> files) {
    return repository.importSite(job).compose(detected -> {
      Site site = Site.of(detected);
      List<FileResult> results = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Imports.File file : files) {
        chain = chain.compose(done -> importOne(site, file).map(result -> {
          results.add(result);
          return null;
        }));
      }
      return chain.compose(done -> repository.recordImport(job, results)).map(new Imports.BatchResults(results));
    });
  }

  Future<Imports.Job> finish(UUID job, String error) {
    return repository.finishImport(job, error == null ? "done" : "failed", error)
        .compose(done -> repository.importJob(job));
  }

  private Future<FileResult> importOne(Site site, Imports.File file) {
    String path = file.path();
    if (file.media() != null) {
      return Future.succeededFuture(FileResult.of(path, ImportOutcome.MEDIA, "stored as " + file.media()));
    }
    if (file.skip() != null) {
      return Future.succeededFuture(FileResult.of(path, ImportOutcome.SKIPPED, file.skip()));
    }
    Site.Placement placement = site.place(path);
    if (placement == Site.Placement.OTHER) {
      // media hook: images and other files a post refers to arrive here once a media step takes them
      return Future.succeededFuture(FileResult.of(path, ImportOutcome.SKIPPED, "not Markdown"));
    }
    if (placement == Site.Placement.PAGE) {
      return Future.succeededFuture(FileResult.of(path, ImportOutcome.SKIPPED,
          "a page of the " + site.engineOf(path).name().toLowerCase(java.util.Locale.ROOT)
              + " site, not a post (posts are in its posts folder)"));
    }
    String content = file.content() == null ? "" : file.content();
    ImportMapper.Imported imported;
    try {
      imported = ImportMapper.map(path, content, site, placement == Site.Placement.DRAFT);
    } catch (RuntimeException unreadable) {
      return Future.succeededFuture(FileResult.of(path, ImportOutcome.ERROR, ServiceFailure.messageOf(unreadable)));
    }
    String key = site.pathInSite(path);
    byte[] original = content.getBytes(StandardCharsets.UTF_8);
    return repository.importedSlug(key)
        .compose(slug -> slug != null ? rewrite(path, slug, imported, key) : create(path, imported, key))
        .compose(written -> repository.recordSource(key, written.slug(), imported.dialect().key(), original,
                oldPaths(imported, written.slug()))
            .map(written.withWarnings(imported.warnings())))
        .recover(error -> Future.succeededFuture(FileResult.of(path, ImportOutcome.ERROR,
            ServiceFailure.codeOf(error) < 500 ? error.getMessage()
                : "could not be stored now (" + ServiceFailure.messageOf(error) + "); import it again")));
  }

  /** A file imported before: its post, updated unless nothing changed. Its slug stays. */
  private Future<FileResult> rewrite(String path, String slug, ImportMapper.Imported imported, String source) {
    ImportMapper.Imported same = imported.withSlug(slug);
    return repository.findBySlug(slug, true).compose(existing -> {
      if (existing == null) {
        return create(path, imported, source);
      }
      if (unchanged(existing, same)) {
        return Future.succeededFuture(written(path, ImportOutcome.UNCHANGED, slug));
      }
      return writer.update(existing, same.input(), same.meta())
          .map(post -> written(path, ImportOutcome.UPDATED, slug));
    });
  }

  /**
   * A file seen for the first time. Its slug may be taken: by a post a writer made, or by another
   * file of the site ("hello.md" in two folders). The post then gets the next free slug and the
   * report says so. A post that an import without paths made from the same source is adopted.
   */
  private Future<FileResult> create(String path, ImportMapper.Imported imported, String source) {
    String wanted = imported.slug();
    return repository.findBySlug(wanted, true).compose(existing -> {
      if (existing == null) {
        return insert(path, imported, source, wanted); // free: no need to ask for a free slug again
      }
      return repository.hasImportSource(wanted).compose(tied -> !tied && unchanged(existing, imported)
          ? Future.succeededFuture(written(path, ImportOutcome.UNCHANGED, wanted))
          : repository.availableSlug(wanted).compose(slug -> insert(path, imported, source, slug)));
    });
  }

  /** Creates the file's post at {@code slug}, with a warning when that is not the slug it asked for. */
  private Future<FileResult> insert(String path, ImportMapper.Imported imported, String source, String slug) {
    String wanted = imported.slug();
    if (!slug.equals(wanted)) {
      imported.warnings().add("the slug '" + wanted + "' is taken by another post: this one is '" + slug + "'");
    }
    return writer.create(imported.withSlug(slug).input(), imported.meta(), source)
        .map(post -> written(path, ImportOutcome.CREATED, post.slug()));
  }

  private static FileResult written(String path, ImportOutcome outcome, String slug) {
    return new FileResult(path, outcome, slug, null, List.of());
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
  Future<Imports.ExportPage> exportPage(long afterId, int limit) {
    return repository.exportPage(afterId, limit).map(page -> new Imports.ExportPage(
        page.stream().map(exported -> new Imports.ExportedFile(PostFile.path(exported.post()),
            PostFile.content(exported.post()))).toList(),
        page.size() < limit ? null : page.get(page.size() - 1).id()));
  }
}
