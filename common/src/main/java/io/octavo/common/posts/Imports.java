package io.octavo.common.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies and replies of {@code posts.import.*} and {@code posts.export}. */
public final class Imports {
  private Imports() {
  }

  /**
   * The archive as the gateway read it, for the posts-service to detect the engine from.
   *
   * @param configs configuration files by path ({@code _config.yml}, {@code hugo.toml}...), as text
   * @param dialect the Markdown dialect the writer named ({@code ?dialect=}), or null
   */
  public record SiteFiles(List<String> paths, Map<String, String> configs, String dialect) {
    public static SiteFiles fromJson(JsonObject json) {
      if (json == null) {
        return null;
      }
      Map<String, String> configs = new LinkedHashMap<>();
      json.getJsonObject("configs", new JsonObject()).forEach(entry -> configs.put(entry.getKey(), String.valueOf(entry.getValue())));
      return new SiteFiles(PostReplies.strings(json.getJsonArray("paths")), configs, json.getString("dialect"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("dialect", dialect).put("paths", new JsonArray(paths))
          .put("configs", new JsonObject(new LinkedHashMap<>(configs)));
    }
  }

  /** {@code posts.import.start}: a job of {@code total} files; {@code site} may be null (a bare folder). */
  public record Start(int total, SiteFiles site) {
    public static Start fromJson(JsonObject json) {
      return new Start(json.getInteger("total", 0), SiteFiles.fromJson(json.getJsonObject("site")));
    }

    public JsonObject toJson() {
      return new JsonObject().put("total", total).put("site", site == null ? null : site.toJson());
    }
  }

  /**
   * The site the posts-service detected in an archive: its engine ({@code jekyll}, {@code hugo},
   * {@code hexo}, {@code plain}), the folder it sits in, and the settings conversion needs. A job
   * keeps it (jsonb) for its batches.
   *
   * @param dialect the writer's Markdown dialect override, or null
   */
  public record DetectedSite(String engine, String root, String baseUrl, String permalink, boolean passthrough,
                             boolean typographer, String dialect) {
    /** Null when {@code json} is null or names no engine (a job from before V11 stored {@code {}}). */
    public static DetectedSite fromJson(JsonObject json) {
      if (json == null || json.getString("engine") == null) {
        return null;
      }
      return new DetectedSite(json.getString("engine"), json.getString("root", ""), json.getString("base_url", ""),
          json.getString("permalink"), json.getBoolean("passthrough", false), json.getBoolean("typographer", true),
          json.getString("dialect"));
    }

    /** Every key, nulls included (the shape the reply and the jsonb column have always had). */
    public JsonObject toJson() {
      return new JsonObject().put("engine", engine).put("root", root).put("base_url", baseUrl)
          .put("permalink", permalink).put("passthrough", passthrough).put("typographer", typographer)
          .put("dialect", dialect);
    }
  }

  /** Reply of {@code posts.import.start}: the job's id and the site detected (engine, root, settings). */
  public record Started(String id, DetectedSite site) {
    public static Started fromJson(JsonObject json) {
      return new Started(json.getString("id"), DetectedSite.fromJson(json.getJsonObject("site")));
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("site", site == null ? null : site.toJson());
    }
  }

  /**
   * One file of an archive: its text ({@code content}), or why the gateway did not send it
   * ({@code skip}), or the media item it was stored as ({@code media}, its URL).
   */
  public record File(String path, String content, String skip, String media) {
    public static File fromJson(JsonObject json) {
      return new File(json.getString("path", ""), json.getString("content"), json.getString("skip"),
          json.getString("media"));
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("path", path);
      putIfPresent(json, "content", content);
      putIfPresent(json, "skip", skip);
      putIfPresent(json, "media", media);
      return json;
    }
  }

  /** {@code posts.import.batch}: files of a running job. */
  public record Batch(String job, List<File> files) {
    public static Batch fromJson(JsonObject json) {
      return new Batch(json.getString("id"), PostReplies.list(json.getJsonArray("files"), File::fromJson));
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", job).put("files", PostReplies.array(files, File::toJson));
    }
  }

  /** What became of one file: its outcome, its post's slug, the reason (skipped or error) and warnings. */
  public record FileResult(String path, ImportOutcome result, String slug, String reason, List<String> warnings) {
    public FileResult {
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static FileResult of(String path, ImportOutcome result, String reason) {
      return new FileResult(path, result, null, reason, List.of());
    }

    public FileResult withWarnings(List<String> more) {
      return new FileResult(path, result, slug, reason, more);
    }

    public static FileResult fromJson(JsonObject json) {
      return new FileResult(json.getString("path"), ImportOutcome.fromWire(json.getString("result")),
          json.getString("slug"), json.getString("reason"), PostReplies.strings(json.getJsonArray("warnings")));
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("path", path).put("result", result.wire());
      putIfPresent(json, "slug", slug);
      putIfPresent(json, "reason", reason);
      if (!warnings.isEmpty()) {
        json.put("warnings", new JsonArray(warnings));
      }
      return json;
    }
  }

  /** Reply of {@code posts.import.batch}: one result per file, in order. */
  public record BatchResults(List<FileResult> results) {
    public static BatchResults fromJson(JsonObject json) {
      return new BatchResults(PostReplies.list(json.getJsonArray("results"), FileResult::fromJson));
    }

    public JsonObject toJson() {
      return new JsonObject().put("results", PostReplies.array(results, FileResult::toJson));
    }
  }

  /** {@code posts.import.finish}: the job ends, failed with {@code error} when it is not null. */
  public record Finish(String job, String error) {
    public static Finish fromJson(JsonObject json) {
      return new Finish(json.getString("id"), json.getString("error"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", job).put("error", error);
    }
  }

  /** {@code posts.import.get}: a job by id. */
  public record JobRef(String id) {
    public static JobRef fromJson(JsonObject json) {
      return new JobRef(json.getString("id"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", id);
    }
  }

  /** Where an import job is. */
  public enum JobStatus {
    RUNNING, DONE, FAILED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static JobStatus fromWire(String value) {
      return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** An import job as the API shows it: progress, counts per outcome, and every file's result. */
  public record Job(String id, JobStatus status, int total, int processed, String error, String createdAt,
                    String finishedAt, List<FileResult> results) {
    /** Files per outcome; media only when the archive had any (older clients know the first five). */
    public Map<ImportOutcome, Integer> counts() {
      Map<ImportOutcome, Integer> counts = new EnumMap<>(ImportOutcome.class);
      for (ImportOutcome outcome : ImportOutcome.values()) {
        if (outcome != ImportOutcome.MEDIA) {
          counts.put(outcome, 0);
        }
      }
      results.forEach(result -> counts.merge(result.result(), 1, Integer::sum));
      return counts;
    }

    public static Job fromJson(JsonObject json) {
      return new Job(json.getString("id"), JobStatus.fromWire(json.getString("status")), json.getInteger("total", 0),
          json.getInteger("processed", 0), json.getString("error"), json.getString("created_at"),
          json.getString("finished_at"), PostReplies.list(json.getJsonArray("results"), FileResult::fromJson));
    }

    public JsonObject toJson() {
      JsonObject counts = new JsonObject();
      counts().forEach((outcome, count) -> counts.put(outcome.wire(), count));
      return new JsonObject().put("id", id).put("status", status.wire()).put("total", total).put("processed", processed)
          .put("error", error).put("created_at", createdAt).put("finished_at", finishedAt).put("counts", counts)
          .put("results", PostReplies.array(results, FileResult::toJson));
    }
  }

  /** {@code posts.export}: a page of at most {@code limit} posts after the row {@code afterId}. */
  public record ExportRequest(long afterId, int limit) {
    public static ExportRequest fromJson(JsonObject json) {
      return new ExportRequest(json.getLong("after_id", 0L), json.getInteger("limit", 100));
    }

    public JsonObject toJson() {
      return new JsonObject().put("after_id", afterId).put("limit", limit);
    }
  }

  /** A post as a file of the export: its path in the archive and its Markdown with front matter. */
  public record ExportedFile(String path, String content) {
    static ExportedFile fromJson(JsonObject json) {
      return new ExportedFile(json.getString("path"), json.getString("content"));
    }

    JsonObject toJson() {
      return new JsonObject().put("path", path).put("content", content);
    }
  }

  /** Reply of {@code posts.export}: files, and the id to ask after next (null: the last page). */
  public record ExportPage(List<ExportedFile> items, Long nextAfterId) {
    public static ExportPage fromJson(JsonObject json) {
      return new ExportPage(PostReplies.list(json.getJsonArray("items"), ExportedFile::fromJson),
          json.getLong("next_after_id"));
    }

    public JsonObject toJson() {
      return new JsonObject().put("items", PostReplies.array(items, ExportedFile::toJson))
          .put("next_after_id", nextAfterId);
    }
  }

  private static void putIfPresent(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
