package io.octavo.gateway.edge;

/**
 * Reads {@code If-Match} against a post's version-based strong ETag; {@code If-None-Match} is
 * vert.x web's ({@code RoutingContext.etag()} and {@code isFresh()}).
 */
public final class ETags {
  private ETags() {
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
