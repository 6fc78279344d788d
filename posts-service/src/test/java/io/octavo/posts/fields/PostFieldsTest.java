package io.octavo.posts.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.PostInput;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostFieldsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private final PostFields fields = new PostFields(Clock.fixed(NOW, ZoneOffset.UTC));

  private PostDraft resolve(String markdown) {
    return fields.resolve(PostInput.builder(markdown).build(), null);
  }

  @Test
  void hexoFrontMatterFillsTitleTagsCategoriesAndDate() {
    PostDraft draft = resolve("---\ntitle: Über Café\ndate: 2021-03-04 05:06:07\ntags:\n  - Java\n"
        + "categories: [Notes]\n---\n\nBody");
    assertThat(draft.title()).isEqualTo("Über Café");
    assertThat(draft.slug()).isEqualTo("uber-cafe");
    assertThat(draft.tags()).containsExactly("java", "notes");
    assertThat(draft.publishedAt()).isEqualTo(OffsetDateTime.parse("2021-03-04T05:06:07Z"));
    assertThat(draft.status()).isEqualTo("published");
  }

  @Test
  void titleFallsBackToTheFirstHeadingOutsideCode() {
    assertThat(resolve("```bash\n# not a title\n```\n\n# Real Title\n").title()).isEqualTo("Real Title");
  }

  @Test
  void draftFlagInFrontMatterMakesADraftWithoutDate() {
    PostDraft draft = resolve("---\ntitle: T\ndraft: true\n---\nx");
    assertThat(draft.status()).isEqualTo("draft");
    assertThat(draft.publishedAt()).isNull();
  }

  @Test
  void publishedWithAFutureDateBecomesScheduled() {
    PostDraft draft = resolve("---\ntitle: T\ndate: 2027-01-01\n---\nx");
    assertThat(draft.status()).isEqualTo("scheduled");
  }

  @Test
  void scheduledWithoutADateIsRefused() {
    assertThatThrownBy(() -> fields.resolve(PostInput.builder("x").title("T").status("scheduled").build(), null))
        .isInstanceOfSatisfying(ServiceFailure.class, e -> assertThat(e.code()).isEqualTo(422));
  }

  @Test
  void aTitleNamingASeriesAndPartFillsThem() {
    PostDraft draft = resolve("# [Vert.x  Deep Dive] part 12 - Clustering\n\nx");
    assertThat(draft.series()).isEqualTo("Vert.x Deep Dive");
    assertThat(draft.seriesPart()).isEqualTo(12);
    assertThat(draft.title()).isEqualTo("[Vert.x  Deep Dive] part 12 - Clustering");
  }

  @Test
  void anExplicitSeriesWinsOverTheTitle() {
    PostDraft draft = resolve("---\ntitle: '[A] Part 2 - B'\nseries: Other\nseries_part: 5\n---\nx");
    assertThat(draft.series()).isEqualTo("Other");
    assertThat(draft.seriesPart()).isEqualTo(5);
  }

  @Test
  void tagsAreTrimmedLowercasedAndDeduplicated() {
    assertThat(PostFields.normaliseTags(List.of(" Java ", "java", "Machine   Learning", ""))).containsExactly(
        "java", "machine learning");
  }

  @Test
  void slugsFoldUnicodeAndRefuseBadInput() {
    assertThat(Slugs.fromTitle("Ça marche: Vert.x 5 — ŁÓDŹ!")).isEqualTo("ca-marche-vert-x-5-lodz");
    assertThat(Slugs.isValid("good-slug-2")).isTrue();
    assertThat(Slugs.isValid("Bad Slug")).isFalse();
    assertThat(Slugs.isValid("double--hyphen")).isFalse();
    assertThat(Slugs.withSuffix("a".repeat(100), 12)).hasSize(100).endsWith("-12");
  }
}
