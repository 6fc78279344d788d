package io.octavo.common.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The detected site travels in the import-start reply and is kept by the job as jsonb: one shape for both. */
class DetectedSiteTest {
  @Test
  void everyKeyIsWrittenNullsIncludedAndReadBack() {
    Imports.DetectedSite site = new Imports.DetectedSite("jekyll", "blog/", "", null, false, true, null);
    assertThat(site.toJson()).isEqualTo(new JsonObject().put("engine", "jekyll").put("root", "blog/").put("base_url", "")
        .put("permalink", null).put("passthrough", false).put("typographer", true).put("dialect", null));
    assertThat(site.toJson().fieldNames()).hasSize(7);
    assertThat(Imports.DetectedSite.fromJson(site.toJson())).isEqualTo(site);
    assertThat(Imports.Started.fromJson(new Imports.Started("job", site).toJson()).site()).isEqualTo(site);
  }

  @Test
  void aJobFromBeforeSitesWereStoredHasNone() {
    assertThat(Imports.DetectedSite.fromJson(new JsonObject())).isNull(); // V11's column default
    assertThat(Imports.DetectedSite.fromJson(null)).isNull();
    assertThat(Imports.DetectedSite.fromJson(new JsonObject().put("engine", "hugo")))
        .isEqualTo(new Imports.DetectedSite("hugo", "", "", null, false, true, null));
  }
}
