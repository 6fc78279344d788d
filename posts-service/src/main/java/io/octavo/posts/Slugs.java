package io.octavo.posts;

import io.octavo.common.posts.SlugFormat;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lowercase ASCII words joined by single hyphens. */
final class Slugs {
  static final int MAX_LENGTH = SlugFormat.MAX_LENGTH;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private Slugs() {
  }

  static boolean isValid(String slug) {
    return SlugFormat.isValid(slug);
  }

  /** "Héllo, Wörld!" becomes "hello-world"; returns "" when nothing ASCII is left. */
  static String fromTitle(String title) {
    String folded = Normalizer.normalize(title, Normalizer.Form.NFKD);
    // letters NFKD does not decompose into ASCII plus marks
    folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT)
        .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d").replace("ł", "l");
    String slug = NON_ALNUM.matcher(folded).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX_LENGTH) {
      slug = trimHyphens(slug.substring(0, MAX_LENGTH));
    }
    return slug;
  }

  /** The candidate after {@code slug} when it is taken: "a" then "a-2", "a-3"... */
  static String withSuffix(String slug, int n) {
    String suffix = "-" + n;
    String base = slug.length() + suffix.length() > MAX_LENGTH
        ? trimHyphens(slug.substring(0, MAX_LENGTH - suffix.length())) : slug;
    return base + suffix;
  }

  private static String trimHyphens(String slug) {
    int start = 0;
    int end = slug.length();
    while (start < end && slug.charAt(start) == '-') {
      start++;
    }
    while (end > start && slug.charAt(end - 1) == '-') {
      end--;
    }
    return slug.substring(start, end);
  }
}
