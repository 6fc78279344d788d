package io.octavo.common.posts;

import java.util.Locale;

/** Where a post stands: readers see published posts only; a scheduled one publishes itself when its time comes. */
public enum PostStatus {
  DRAFT, PUBLISHED, SCHEDULED;

  /** The name on the wire and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PostStatus fromWire(String value) {
    return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
  }
}
