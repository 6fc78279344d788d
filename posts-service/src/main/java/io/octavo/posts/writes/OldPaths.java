package io.octavo.posts.writes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Public paths of an old site, in the one form they are stored and looked up in: decoded, with a
 * leading slash, without a trailing slash or {@code index.html}, so {@code /posts/x/},
 * {@code /posts/x} and {@code /posts/x/index.html} are one path.
 */
public final class OldPaths {
  private OldPaths() {
  }

  /** The path's stored form, or null when it is no path. */
  public static String normalise(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    String p = path.strip();
    int query = p.indexOf('?');
    p = query >= 0 ? p.substring(0, query) : p;
    int hash = p.indexOf('#');
    p = hash >= 0 ? p.substring(0, hash) : p;
    try {
      p = URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    p = p.startsWith("/") ? p : "/" + p;
    if (p.endsWith("/index.html")) {
      p = p.substring(0, p.length() - "index.html".length());
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals("/") ? null : p;
  }
}
