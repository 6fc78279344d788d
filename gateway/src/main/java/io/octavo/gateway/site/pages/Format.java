package io.octavo.gateway.site.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers the templates call. */
public final class Format {
  private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private Format() {
  }

  /** "26 November 2026", or "" for a post without a date. */
  public static String date(String iso) {
    return iso == null ? "" : OffsetDateTime.parse(iso).format(HUMAN);
  }

  public static String year(String iso) {
    return iso == null ? "" : String.valueOf(OffsetDateTime.parse(iso).getYear());
  }

  /** A path segment, percent-encoded. */
  public static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static String minutes(int minutes) {
    return minutes <= 1 ? "1 min read" : minutes + " min read";
  }
}
