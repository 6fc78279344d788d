package io.octavo.common.posts;

import java.util.regex.Pattern;

/** What a slug looks like: lowercase ASCII words joined by single hyphens, at most 100 characters. */
public final class SlugFormat {
  public static final int MAX_LENGTH = 100;
  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private SlugFormat() {
  }

  public static boolean isValid(String slug) {
    return slug != null && !slug.isEmpty() && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
  }
}
