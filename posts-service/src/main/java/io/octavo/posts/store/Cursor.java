package io.octavo.posts.store;

import io.octavo.common.ServiceFailure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** The opaque list cursor: the last row's sort time (microseconds) and id, base64url-encoded. */
public record Cursor(OffsetDateTime sortAt, long id) {

  String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, sortAt.toInstant());
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  public static Cursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
      int colon = plain.indexOf(':');
      long micros = Long.parseLong(plain.substring(0, colon));
      long id = Long.parseLong(plain.substring(colon + 1));
      return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), id);
    } catch (RuntimeException e) {
      throw ServiceFailure.badRequest("cursor is not one this API returned");
    }
  }
}
