package io.octavo.common.posts;

import java.util.Locale;

/** What happened to a post, as {@code posts.changed} says it. */
public enum ChangeKind {
  CREATED, UPDATED, DELETED, RESTORED, PUBLISHED, RENDERED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ChangeKind fromWire(String value) {
    return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
  }
}
