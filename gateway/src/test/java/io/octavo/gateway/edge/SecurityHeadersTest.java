package io.octavo.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.gateway.edge.SecurityHeaders.Policy;
import org.junit.jupiter.api.Test;

/** Every policy comes from one base, and what a page or the docs loosen never reaches scripts or framing. */
class SecurityHeadersTest {

  @Test
  void pagesAndDocsLoosenStylesAndImagesOnly() {
    for (Policy policy : new Policy[] {Policy.STRICT, Policy.PAGE, Policy.DOCS}) {
      assertThat(policy.header()).as(policy.name())
          .startsWith("default-src 'self'; script-src 'self'; style-src 'self'")
          .contains("; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    }
    assertThat(Policy.STRICT.header()).contains("style-src 'self'; img-src 'self' data:;");
    assertThat(Policy.PAGE.header()).contains("style-src 'self' 'unsafe-inline'; img-src 'self' data: https:;");
    assertThat(Policy.DOCS.header()).contains("style-src 'self' 'unsafe-inline'; img-src 'self' data:;");
  }

  @Test
  void uploadedFilesOpenInASandbox() {
    assertThat(Policy.MEDIA.header()).isEqualTo("sandbox; default-src 'none'");
    assertThat(Policy.MEDIA_SVG.header()).isEqualTo("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  }
}
