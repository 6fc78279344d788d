package io.octavo.common.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What travels to {@code render.markdown}, as readers of this release and the one before see it. */
class RenderRequestTest {
  private static final String BODY = "# Kites\n\nThey fly.\n";

  /** The previous release's reader: {@code new RenderRequest(json.getString("markdown", ""))}. */
  private static String previousReleaseReads(JsonObject sent) {
    return sent.getString("markdown", "");
  }

  @Test
  void aRenderServiceFromThePreviousReleaseGetsTheBody() {
    JsonObject sent = RenderContracts.MARKDOWN.request().encode(new RenderRequest(BODY));

    assertThat(previousReleaseReads(sent)).isEqualTo(BODY);
  }

  @Test
  void thisReleaseReadsTheBodyItSent() {
    JsonObject sent = RenderContracts.MARKDOWN.request().encode(new RenderRequest(BODY));

    assertThat(RenderContracts.MARKDOWN.request().decode(sent).body()).isEqualTo(BODY);
  }

  @Test
  void aSenderFromThePreviousReleaseHasItsFrontMatterSplitOff() {
    JsonObject sent = new JsonObject().put("markdown", "---\ntitle: Kites\n---\n" + BODY);

    assertThat(RenderRequest.fromJson(sent).body()).isEqualTo(BODY);
  }
}
