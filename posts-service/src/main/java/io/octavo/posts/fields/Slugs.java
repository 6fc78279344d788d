package io.octavo.posts.fields;

import io.octavo.common.posts.SlugFormat;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs: lowercase words of any script joined by single hyphens. Latin letters lose their
 * accents ("Héllo" is "hello", as readers type it); letters of other scripts are kept as they are
 * ("傅里叶级数"), and the slug is percent-encoded in URLs (see {@link SlugFormat#urlPath}).
 */
public final class Slugs {
  static final int MAX_LENGTH = SlugFormat.MAX_LENGTH;
  /** Combining marks that follow a Latin letter: accents, dropped. Other scripts' marks are letters' parts. */
  private static final Pattern LATIN_MARKS = Pattern.compile("(?<=[a-zA-Z])\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}]+");

  private Slugs() {
  }

  public static boolean isValid(String slug) {
    return SlugFormat.isValid(slug);
  }

  /** "Héllo, Wörld!" becomes "hello-world", "傅里叶 级数" "傅里叶-级数"; "" when no letter or digit is left. */
  public static String fromTitle(String title) {
    String folded = Normalizer.normalize(title, Normalizer.Form.NFKD);
    folded = LATIN_MARKS.matcher(folded).replaceAll("");
    folded = Normalizer.normalize(folded, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
        .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d").replace("ł", "l");
    String slug = NON_WORD.matcher(folded).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX_LENGTH) {
      int end = MAX_LENGTH;
      if (Character.isLowSurrogate(slug.charAt(end))) {
        end--;
      }
      slug = trimHyphens(slug.substring(0, end));
    }
    return slug;
  }

  /** The candidate after {@code slug} when it is taken: "a" then "a-2", "a-3"... */
  public static String withSuffix(String slug, int n) {
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
