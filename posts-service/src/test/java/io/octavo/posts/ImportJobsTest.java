package io.octavo.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.posts.ImportOutcome;
import io.octavo.common.posts.Imports;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostLookup;
import io.octavo.common.posts.PostRequests;
import io.octavo.common.posts.PostsClient;
import io.vertx.core.eventbus.ReplyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Import jobs as the gateway runs them (posts.import.start, .batch, .finish), with the files an
 * archive held: what each file becomes, drafts kept drafts, twins, changed files. Reading the
 * archive is the gateway's (ImportArchiveTest); a whole blog from archive to rendered pages and
 * back is standalone's ImportExportTest.
 */
class ImportJobsTest {
  private static PostsClient posts;

  @BeforeAll
  static void start() {
    posts = SharedPostsService.client();
  }

  /** Imports {@code files} (path to text) as one job of one batch; the results by path, and the finished job. */
  private static Map<String, Imports.FileResult> importFiles(Map<String, String> files) {
    Imports.SiteFiles site = new Imports.SiteFiles(List.copyOf(files.keySet()), Map.of(), null);
    String job = posts.startImport(files.size(), site).await().id();
    List<Imports.File> batch = files.entrySet().stream()
        .map(file -> new Imports.File(file.getKey(), file.getValue(), null, null)).toList();
    Map<String, Imports.FileResult> results = new LinkedHashMap<>();
    posts.importBatch(job, batch).await().results().forEach(result -> results.put(result.path(), result));
    Imports.Job finished = posts.finishImport(job, null).await();
    assertThat(finished.status()).isEqualTo(Imports.JobStatus.DONE);
    assertThat(finished.processed()).isEqualTo(files.size());
    return results;
  }

  private static Map<String, ImportOutcome> outcomes(Map<String, Imports.FileResult> results) {
    Map<String, ImportOutcome> outcomes = new LinkedHashMap<>();
    results.forEach((path, result) -> outcomes.put(path, result.result()));
    return outcomes;
  }

  private static Post post(String slug, boolean admin) {
    return ((PostLookup.Found) posts.get(new PostRequests.Get(slug, admin)).await()).post();
  }

  @Test
  void theStartReplyNamesTheSiteItDetectedAndItsBatchesUseIt() {
    String config = "baseURL = 'https://kites.example/blog/'\n";
    Imports.SiteFiles files = new Imports.SiteFiles(List.of("my-blog/hugo.toml", "my-blog/content/posts/detected.md"),
        Map.of("my-blog/hugo.toml", config), null);
    Imports.Started started = posts.startImport(2, files).await();
    assertThat(started.site()).isEqualTo(new Imports.DetectedSite("hugo", "my-blog/", "/blog", null, false, true, null));
    List<Imports.File> batch = List.of(new Imports.File("my-blog/hugo.toml", config, null, null),
        new Imports.File("my-blog/content/posts/detected.md", "---\ntitle: Detected\n---\nKites.\n", null, null));
    assertThat(posts.importBatch(started.id(), batch).await().results()).extracting(Imports.FileResult::result)
        .as("the job's stored site places the config as a page and the post as a post")
        .containsExactly(ImportOutcome.SKIPPED, ImportOutcome.CREATED);
    posts.finishImport(started.id(), null).await();
  }

  @Test
  void anImportedDraftStaysADraftAndAnImpossibleDateIsAnError() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("_posts/quoted-draft.md", "---\ntitle: Quoted\ndraft: \"true\"\n---\nnot yet\n");
    files.put("_posts/yes-draft.md", "---\ntitle: Yes\ndraft: \"yes\"\n---\nnot yet\n");
    files.put("_posts/listed-status.md", "---\ntitle: Listed\nstatus: [draft]\n---\nnot yet\n");
    files.put("_posts/impossible-date.md", "---\ntitle: Impossible\ndate: 2020-13-45\n---\nwhen?\n");

    assertThat(outcomes(importFiles(files))).containsEntry("_posts/quoted-draft.md", ImportOutcome.CREATED)
        .containsEntry("_posts/yes-draft.md", ImportOutcome.CREATED)
        .containsEntry("_posts/listed-status.md", ImportOutcome.CREATED)
        .containsEntry("_posts/impossible-date.md", ImportOutcome.ERROR);
    for (String slug : List.of("quoted-draft", "yes-draft", "listed-status")) {
      assertThat(post(slug, true).toSummaryJson().getString("status")).as(slug).isEqualTo("draft");
      try {
        posts.get(new PostRequests.Get(slug, false)).await();
        throw new AssertionError(slug + " is visible to anonymous readers");
      } catch (ReplyException e) {
        assertThat(e.failureCode()).as("anonymous " + slug).isEqualTo(404);
      }
    }
  }

  @Test
  void frontMatterKeysThatAreNumbersOrYesOrNamelessDoNotLoseTheFile() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("posts/year-key.md", "---\ntitle: Year key\n2024: a good year\nyes: indeed\n---\nbody\n");
    files.put("posts/nameless-key.md", "---\ntitle: Nameless key\n~: nothing\nmood: calm\n---\nbody\n");
    Map<String, Imports.FileResult> results = importFiles(files);
    assertThat(outcomes(results)).containsEntry("posts/year-key.md", ImportOutcome.CREATED)
        .containsEntry("posts/nameless-key.md", ImportOutcome.CREATED);
    assertThat(post("year-key", false).meta().getMap()).containsEntry("2024", "a good year").containsEntry("yes", "indeed");
    assertThat(results.get("posts/nameless-key.md").warnings()).anyMatch(warning -> warning.contains("key with no name"));
    Post nameless = post("nameless-key", false);
    assertThat(nameless.title()).isEqualTo("Nameless key");
    assertThat(nameless.meta().getMap()).containsEntry("mood", "calm");
  }

  @Test
  void aDescriptionAliasNotUsedAndOneTooLongAreKeptWithThePost() {
    String longExcerpt = "A teaser that goes on. ".repeat(60).strip();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("posts/two-summaries.md", "---\ntitle: Two summaries\ndescription: Short.\nexcerpt: Teaser.\n---\nbody\n");
    files.put("posts/long-excerpt.md", "---\ntitle: Long excerpt\nexcerpt: " + longExcerpt + "\n---\nbody\n");
    Map<String, Imports.FileResult> results = importFiles(files);

    Post two = post("two-summaries", false);
    assertThat(two.description()).isEqualTo("Short.");
    assertThat(two.meta().getString("excerpt")).isEqualTo("Teaser.");
    Post longOne = post("long-excerpt", false);
    assertThat(longOne.description()).isNull();
    assertThat(longOne.meta().getString("excerpt")).isEqualTo(longExcerpt);
    assertThat(results.get("posts/long-excerpt.md").warnings()).contains("description is longer than 1000 characters: kept in meta");
  }

  @Test
  void aChangedFileUpdatesItsPost() {
    assertThat(outcomes(importFiles(Map.of("posts/changing.md", "---\ntitle: Changing\n---\nfirst\n"))))
        .containsEntry("posts/changing.md", ImportOutcome.CREATED);
    assertThat(outcomes(importFiles(Map.of("posts/changing.md", "---\ntitle: Changing\n---\nsecond\n"))))
        .containsEntry("posts/changing.md", ImportOutcome.UPDATED);
    assertThat(post("changing", false).markdown()).isEqualTo("second\n");
  }

  @Test
  void twoFilesWithOneSlugBothBecomePostsWithAWarning() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a/twin.md", "# Twin One\n\nfirst");
    files.put("b/twin.md", "# Twin Two\n\nsecond");
    Map<String, Imports.FileResult> results = importFiles(files);
    assertThat(outcomes(results)).containsEntry("a/twin.md", ImportOutcome.CREATED)
        .containsEntry("b/twin.md", ImportOutcome.CREATED);
    Imports.FileResult second = results.get("b/twin.md");
    assertThat(second.slug()).isEqualTo("twin-2");
    assertThat(second.warnings().get(0)).contains("'twin' is taken");
    assertThat(post("twin-2", false).markdown()).contains("second");
    assertThat(outcomes(importFiles(files)).values()).containsOnly(ImportOutcome.UNCHANGED);
  }
}
