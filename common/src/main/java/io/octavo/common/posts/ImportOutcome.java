package io.octavo.common.posts;

import java.util.Locale;

/** What importing one file did. */
public enum ImportOutcome {
  CREATED, UPDATED, UNCHANGED, SKIPPED, ERROR, MEDIA;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ImportOutcome fromWire(String value) {
    return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
  }
}
