package io.octavo.common.posts;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a slug looks like: words of lowercase letters (of any script: "傅里叶级数" and "hello" both)
 * and digits joined by single hyphens, at most 100 characters. In a URL a slug is
 * percent-encoded as UTF-8 ({@link #urlPath}), as WordPress does; browsers show it decoded.
 */
public final class SlugFormat {
  public static final int MAX_LENGTH = 100;
  private static final Pattern VALID = Pattern.compile(
      "[\\p{L}\\p{M}\\p{Nd}&&[^\\p{Lu}\\p{Lt}]]+(?:-[\\p{L}\\p{M}\\p{Nd}&&[^\\p{Lu}\\p{Lt}]]+)*");

  private SlugFormat() {
  }

  public static boolean isValid(String slug) {
    return slug != null && !slug.isEmpty() && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
  }

  /** The slug as a URL path segment: ASCII as is, everything else percent-encoded UTF-8. */
  public static String urlPath(String slug) {
    boolean ascii = true;
    for (int i = 0; i < slug.length() && ascii; i++) {
      ascii = slug.charAt(i) < 0x80;
    }
    if (ascii) {
      return slug;
    }
    StringBuilder out = new StringBuilder(slug.length() * 3);
    for (byte b : slug.getBytes(StandardCharsets.UTF_8)) {
      int unsigned = b & 0xff;
      if (unsigned < 0x80) {
        out.append((char) unsigned);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(unsigned >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(unsigned & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
