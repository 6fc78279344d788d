package io.octavo.gateway.edge;

/** Reads the conditional request headers against a post's version-based strong ETag. */
public final class ETags {
  private ETags() {
  }

  /** True when {@code If-None-Match} names the current ETag (or is {@code *}). */
  public static boolean noneMatchHits(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2); // If-None-Match compares weakly
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** {@code If-Match: *}: any current version will do, as long as the post exists (RFC 9110 13.1.1). */
  public static boolean isAny(String ifMatch) {
    return ifMatch.trim().equals("*");
  }

  /** The version an {@code If-Match} header names, or -1 when it names none this API issued. */
  public static long versionOf(String ifMatch) {
    String tag = ifMatch.trim();
    if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
      return -1;
    }
    try {
      return Long.parseLong(tag.substring(1, tag.length() - 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
