package io.octavo.posts.fields;

import io.octavo.common.ServiceFailure;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The publication status front matter asks for, read strictly so that a draft never goes out by
 * accident: {@code status: draft|published|scheduled}, {@code draft: true} or {@code published:
 * false} (booleans also as the strings true/yes/on/1 and false/no/off/0). Anything else in those
 * keys is a 422, never "published".
 */
final class FrontMatterStatus {
  private static final Set<String> STATUSES = Set.of("draft", "published", "scheduled");
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "y", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "n", "0");

  private FrontMatterStatus() {
  }

  /** The status the front matter sets, or null when it says nothing about it. */
  static String of(Map<String, Object> front) {
    if (front.get("status") != null) {
      return status(front.get("status"));
    }
    Boolean draft = flag("draft", front.get("draft"));
    Boolean published = flag("published", front.get("published"));
    return Boolean.TRUE.equals(draft) || Boolean.FALSE.equals(published) ? "draft" : null;
  }

  private static String status(Object value) {
    String text = value instanceof String string ? string.strip().toLowerCase(Locale.ROOT) : null;
    if (text == null || !STATUSES.contains(text)) {
      throw ServiceFailure.unprocessable("status in the front matter must be one of draft, published, scheduled; got "
          + describe(value));
    }
    return text;
  }

  private static Boolean flag(String key, Object value) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof Number number && (number.intValue() == 0 || number.intValue() == 1)
        && number.doubleValue() == number.intValue()) {
      return number.intValue() == 1;
    }
    if (value instanceof String text) {
      String word = text.strip().toLowerCase(Locale.ROOT);
      if (TRUE.contains(word)) {
        return true;
      }
      if (FALSE.contains(word)) {
        return false;
      }
    }
    throw ServiceFailure.unprocessable(key + " in the front matter must be true or false; got " + describe(value));
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() <= 60 ? text : text.substring(0, 57) + "...") + "'";
  }
}
