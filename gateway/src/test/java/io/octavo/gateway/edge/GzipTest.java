package io.octavo.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Cached bodies are gzipped once; only clients that take gzip get it. */
class GzipTest {

  @Test
  void acceptEncodingIsReadAsRfc9110Says() {
    assertThat(Gzip.accepted("gzip, deflate, br")).isTrue();
    assertThat(Gzip.accepted("br;q=1.0, GZIP;q=0.5")).isTrue();
    assertThat(Gzip.accepted("*")).isTrue();
    assertThat(Gzip.accepted("gzip;q=0")).isFalse();
    assertThat(Gzip.accepted("gzip; q=0.000")).isFalse();
    assertThat(Gzip.accepted("deflate, br")).isFalse();
    assertThat(Gzip.accepted(null)).isFalse();
  }

  @Test
  void largeTextIsCompressedOnceSmallOrBinaryIsNot() throws IOException {
    String page = "<p>" + "words ".repeat(1000) + "</p>";
    ResponseCache.Entry entry = ResponseCache.Entry.of(page, "text/html; charset=utf-8");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(entry.gzipped().getBytes()))) {
      assertThat(new String(in.readAllBytes(), "UTF-8")).isEqualTo(page);
    }
    assertThat(ResponseCache.Entry.of("<p>short</p>", "text/html").gzipped()).isNull();
    assertThat(new ResponseCache.Entry(Buffer.buffer(new byte[4096]), "image/png", "\"1\"").gzipped()).isNull();
  }
}
