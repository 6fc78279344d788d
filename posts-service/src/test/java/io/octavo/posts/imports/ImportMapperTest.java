package io.octavo.posts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.PostInput;
import io.octavo.posts.fields.PostDraft;
import io.octavo.posts.fields.PostField;
import io.octavo.posts.fields.PostFields;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files of real blogs that used to be lost or misread on import, and front matter on every path. */
class ImportMapperTest {
  private static final Site JEKYLL = Site.detect(List.of("_config.yml", "_posts/2017-08-01-a.md"),
      Map.of("_config.yml", "baseurl: /blog\n"), null);

  @Test
  void aFileNamedOnlyInChineseGetsAChineseSlug() {
    ImportMapper.Imported imported = ImportMapper.map("source/_posts/傅里叶级数.md", "---\ntitle: x\n---\nbody\n");
    assertThat(imported.slug()).isEqualTo("傅里叶级数");
  }

  @Test
  void aNulByteBecomesTheReplacementCharacter() {
    assertThat(ImportMapper.map("a.md", "# A\n\nx\u0000y\n").input().markdown()).isEqualTo("# A\n\nx\uFFFDy\n");
  }

  @Test
  void jekyllTagsSeparatedBySpacesAreSeveralTags() {
    ImportMapper.Imported imported = ImportMapper.map("_posts/2017-08-01-a.md", "---\ntags: gan long-read math\n---\nx\n",
        JEKYLL, false);
    assertThat(imported.input().tags()).containsExactly("gan", "long-read", "math");
  }

  @Test
  void anOverLongTagIsCutWithAWarningNotTheWholePost() {
    String tag = "t".repeat(80);
    ImportMapper.Imported imported = ImportMapper.map("a.md", "---\ntitle: A\ntags: [" + tag + "]\n---\nx\n");
    assertThat(imported.input().tags()).containsExactly("t".repeat(64));
    assertThat(imported.warnings()).anySatisfy(warning -> assertThat(warning).contains("cut to"));
  }

  @Test
  void frontMatterYamlRefusesIsReadLineByLine() {
    ImportMapper.Imported imported = ImportMapper.map("a.md", "---\ntitle: Vert.x: a tour\ndate: 2020-01-02\n---\nx\n");
    assertThat(imported.input().title()).isEqualTo("Vert.x: a tour");
    assertThat(imported.warnings().get(0)).startsWith("line 1:").contains("line by line");
  }

  @Test
  void jekyllDateUrlsBecomeOldPaths() {
    ImportMapper.Imported imported = ImportMapper.map("_posts/2017-08-01-my-post.md", "---\ntitle: A\n---\nx\n",
        JEKYLL, false);
    assertThat(imported.oldPaths()).contains("/blog/2017/08/01/my-post.html");
  }

  @Test
  void tomlFrontMatterFillsFieldsThroughTheApiToo() {
    PostDraft draft = new PostFields(Clock.systemUTC()).resolve(
        PostInput.builder("+++\ntitle = \"From Hugo\"\ntags = [\"go\", \"hugo\"]\n+++\nBody.\n").build(), null);
    assertThat(draft.title()).isEqualTo("From Hugo");
    assertThat(draft.tags()).containsExactly("go", "hugo");
    assertThat(draft.body()).isEqualTo("Body.\n");
  }

  @Test
  void hugoSummaryAndJekyllExcerptBecomeTheDescriptionAndExportAsOne() {
    Site hugo = Site.detect(List.of("hugo.toml", "content/posts/kites.md"), Map.of("hugo.toml", "baseURL = '/'\n"), null);
    ImportMapper.Imported fromHugo = ImportMapper.map("content/posts/kites.md",
        "+++\ntitle = \"Kites\"\nsummary = \"Why kites fly.\"\nlastmod = 2020-01-02\n+++\nBody.\n", hugo, false);
    assertThat(fromHugo.input().description()).isEqualTo("Why kites fly.");
    assertThat(fromHugo.meta().fieldNames()).containsExactly("lastmod"); // the summary is no longer kept twice

    ImportMapper.Imported fromJekyll = ImportMapper.map("_posts/2017-08-01-a.md",
        "---\ntitle: A\nexcerpt: The short version.\n---\nx\n", JEKYLL, false);
    assertThat(fromJekyll.input().description()).isEqualTo("The short version.");

    PostDraft draft = new PostFields(Clock.systemUTC()).resolve(fromHugo.input(), null);
    io.octavo.common.posts.Post stored = io.octavo.common.posts.Post.fromJson(new io.vertx.core.json.JsonObject()
        .put("slug", draft.slug()).put("title", draft.title()).put("markdown", draft.markdown())
        .put("status", draft.status()).put("description", draft.text().get(PostField.DESCRIPTION))
        .put("meta", fromHugo.meta()));
    String exported = PostFile.content(stored);
    assertThat(exported).contains("description: Why kites fly.").doesNotContain("summary");
    assertThat(ImportMapper.map(PostFile.path(stored), exported).input().description()).isEqualTo("Why kites fly.");
  }

  @Test
  void aDescriptionAliasNotUsedAndOneTooLongStayInMetaAndExportAgain() {
    ImportMapper.Imported both = ImportMapper.map("_posts/2017-08-01-both.md",
        "---\ntitle: Both\ndescription: The writer's summary.\nexcerpt: The theme's teaser.\n---\nx\n", JEKYLL, false);
    assertThat(both.input().description()).isEqualTo("The writer's summary.");
    assertThat(both.meta().getString("excerpt")).isEqualTo("The theme's teaser.");
    assertThat(both.meta().containsKey("description")).isFalse();

    String longSummary = "Why kites fly. ".repeat(100).strip();
    Site hugo = Site.detect(List.of("hugo.toml", "content/posts/long.md"), Map.of("hugo.toml", "baseURL = '/'\n"), null);
    ImportMapper.Imported tooLong = ImportMapper.map("content/posts/long.md",
        "+++\ntitle = \"Long\"\nsummary = \"" + longSummary + "\"\n+++\nBody.\n", hugo, false);
    assertThat(tooLong.input().description()).isNull();
    assertThat(tooLong.meta().getString("summary")).isEqualTo(longSummary);
    assertThat(tooLong.warnings()).contains("description is longer than 1000 characters: kept in meta");

    // exported and imported again: the same description, the same meta
    for (ImportMapper.Imported imported : List.of(both, tooLong)) {
      PostDraft draft = new PostFields(Clock.systemUTC()).resolve(imported.input(), null);
      io.octavo.common.posts.Post stored = io.octavo.common.posts.Post.fromJson(new io.vertx.core.json.JsonObject()
          .put("slug", draft.slug()).put("title", draft.title()).put("markdown", draft.markdown())
          .put("status", draft.status()).put("description", draft.text().get(PostField.DESCRIPTION))
          .put("meta", imported.meta()));
      ImportMapper.Imported again = ImportMapper.map(PostFile.path(stored), PostFile.content(stored));
      assertThat(again.input().description()).isEqualTo(imported.input().description());
      assertThat(again.meta()).isEqualTo(imported.meta());
    }
  }

  /**
   * One parser per field, two policies: front matter an API write refuses with a 422 naming the
   * field is imported with a warning naming the same problem, and what the import keeps is then
   * accepted by the API's rules.
   */
  @Test
  void whatAnApiWriteRefusesAnImportWarnsAboutAndKeepsThePost() {
    PostFields api = new PostFields(Clock.systemUTC());
    Map<String, String> badLines = Map.of(
        "title: " + "T".repeat(301), "title is longer than 300",
        "status: live", "status in the front matter must be one of",
        "series_part: many", "series_part must be a whole number",
        "series_part: 0", "series_part must be between 1 and 100000",
        "slug: Not A Slug", "slug 'Not A Slug' must be lowercase",
        "description: " + "d".repeat(1001), "description is longer than 1000",
        "tags: [" + "t".repeat(65) + "]", "is longer than 64 characters");
    badLines.forEach((line, problem) -> {
      String source = "---\n" + (line.startsWith("title") ? "" : "title: Kept\n") + "series: S\n" + line
          + "\n---\nBody.\n";
      assertThatThrownBy(() -> api.resolve(PostInput.builder(source).build(), null)).as(line)
          .isInstanceOfSatisfying(ServiceFailure.class, refused -> {
            assertThat(refused.code()).isEqualTo(422);
            assertThat(refused.getMessage()).contains(problem);
          });

      ImportMapper.Imported imported = ImportMapper.map("_posts/2017-08-01-kept.md", source, JEKYLL, false);
      assertThat(imported.warnings()).as(line).singleElement().asString().contains(problem);
      assertThat(api.resolve(imported.input(), null).body()).as(line).isEqualTo("Body.\n");
    });
  }

  @Test
  void anUnreadableDateFailsTheFileWithTheApisReasonRatherThanPublishingItNow() {
    assertThatThrownBy(() -> ImportMapper.map("_posts/2017-08-01-kept.md", "---\ntitle: Kept\ndate: someday\n---\nx\n",
        JEKYLL, false))
        .isInstanceOfSatisfying(ServiceFailure.class, refused -> assertThat(refused.getMessage())
            .startsWith("published_at 'someday' is not a date"));
  }
}
