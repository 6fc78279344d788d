package io.octavo.posts.fields;

import io.octavo.common.ServiceFailure;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One parser per field of {@link PostField}, for API writes ({@link PostFields}) and imports
 * ({@code imports.ImportMapper}) alike: a value from the request or the front matter (a string, a YAML
 * date, a list...) becomes what the field stores. What a value that cannot be stored does is the
 * {@link Policy}'s: an API write refuses it with a 422 that says which field is wrong, so the writer
 * fixes it; an import warns and falls back (cut, left out, a draft), so one odd value in a site of
 * hundreds of posts does not lose the post.
 */
public final class FieldReader {
  static final int MAX_TITLE = 300;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 64;
  static final int MAX_SERIES = 200;
  static final int MAX_SERIES_PART = 100_000;
  private static final Set<String> STATUSES = Set.of("draft", "published", "scheduled");

  /** What a value that cannot be stored does. */
  public interface Policy {
    /**
     * {@code problem} says what is wrong with the value; {@code instead} what an import does about
     * it, keeping {@code fallback}.
     */
    <T> T refuse(String problem, String instead, T fallback);
  }

  /** API writes: a 422 with the problem. */
  public static final Policy REFUSE = new Policy() {
    @Override
    public <T> T refuse(String problem, String instead, T fallback) {
      throw ServiceFailure.unprocessable(problem);
    }
  };

  /** The fallback, without a word: to ask whether a field would store a value ({@link PostField}'s meta). */
  static final Policy LEAVE = new Policy() {
    @Override
    public <T> T refuse(String problem, String instead, T fallback) {
      return fallback;
    }
  };

  /** Imports: a warning ("problem: instead") in {@code warnings}, and the fallback. */
  public static Policy warnInto(List<String> warnings) {
    return new Policy() {
      @Override
      public <T> T refuse(String problem, String instead, T fallback) {
        warnings.add(problem + ": " + instead);
        return fallback;
      }
    };
  }

  private FieldReader() {
  }

  /** Trimmed; null when blank. */
  public static String title(Object raw, Policy policy) {
    String title = text(raw);
    if (title != null && title.length() > MAX_TITLE) {
      String cut = title.substring(0, MAX_TITLE).strip();
      return policy.refuse("title is longer than " + MAX_TITLE + " characters", "cut to '" + abbreviate(cut) + "'", cut);
    }
    return title;
  }

  /** A slug as given; one that is not a slug becomes one made from it (an import) or a 422. */
  public static String slug(Object raw, Policy policy) {
    String slug = raw == null || raw instanceof Map || raw instanceof Collection ? null : raw.toString();
    if (slug == null || slug.isBlank() || Slugs.isValid(slug)) {
      return slug == null || slug.isBlank() ? null : slug;
    }
    String made = Slugs.fromTitle(slug);
    String problem = "slug '" + abbreviate(slug) + "' must be lowercase letters, digits and single hyphens, at most "
        + Slugs.MAX_LENGTH + " characters";
    return made.isEmpty() ? policy.refuse(problem, "left out", null)
        : policy.refuse(problem, "made '" + made + "' from it", made);
  }

  /**
   * Tags as a post keeps them: trimmed, lower case, spaces collapsed, each once, at most
   * {@value #MAX_TAGS} of at most {@value #MAX_TAG} characters.
   */
  public static List<String> tags(Collection<String> names, Policy policy) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : names) {
      String normal = tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (normal.length() > MAX_TAG) {
        String cut = normal.substring(0, MAX_TAG).strip();
        normal = policy.refuse("the tag '" + abbreviate(normal) + "' is longer than " + MAX_TAG + " characters",
            "cut to '" + cut + "'", cut);
      }
      if (!normal.isEmpty()) {
        tags.add(normal);
      }
    }
    List<String> kept = new ArrayList<>(tags);
    if (kept.size() > MAX_TAGS) {
      kept = policy.refuse("a post has at most " + MAX_TAGS + " tags", "left out " + kept.subList(MAX_TAGS, kept.size()),
          new ArrayList<>(kept.subList(0, MAX_TAGS)));
    }
    return List.copyOf(kept);
  }

  /**
   * The names in front-matter list values ({@code tags}, {@code categories}, Hugo's {@code aliases}):
   * lists flattened (Hexo's nested categories), strings split at commas or, Jekyll's tags and
   * categories at the top level, at spaces.
   */
  public static List<String> names(Collection<?> values, boolean spaceSeparated) {
    List<String> names = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof Collection<?> items) {
        names.addAll(names(items, false));
      } else if (value != null && !(value instanceof Map)) {
        names.addAll(List.of(value.toString().strip().split(spaceSeparated ? "\\s+" : ",")));
      }
    }
    return names;
  }

  /** The first name when several are given; spaces collapsed; null when blank. */
  public static String series(Object raw, Policy policy) {
    Object first = raw instanceof Collection<?> several ? several.stream().findFirst().orElse(null) : raw;
    String series = text(first);
    series = series == null ? null : series.replaceAll("\\s+", " ");
    if (series != null && series.length() > MAX_SERIES) {
      String cut = series.substring(0, MAX_SERIES).strip();
      return policy.refuse("series is longer than " + MAX_SERIES + " characters", "cut to '" + abbreviate(cut) + "'", cut);
    }
    return series;
  }

  /** A whole number from 1 to {@value #MAX_SERIES_PART}, or null. */
  public static Integer seriesPart(Object raw, Policy policy) {
    Integer part;
    try {
      part = raw == null ? null : raw instanceof Integer number ? number : Integer.valueOf(raw.toString().strip());
    } catch (NumberFormatException notWhole) {
      return policy.refuse("series_part must be a whole number", "left out", null);
    }
    if (part != null && (part < 1 || part > MAX_SERIES_PART)) {
      return policy.refuse("series_part must be between 1 and " + MAX_SERIES_PART, "left out", null);
    }
    return part;
  }

  /** A status a writer gives: draft, published or scheduled, in any case. */
  static String status(String given, Policy policy) {
    String status = given.strip().toLowerCase(Locale.ROOT);
    return STATUSES.contains(status) ? status : policy.refuse("status must be one of draft, published, scheduled; got '"
        + abbreviate(status) + "'", "imported as a draft", "draft");
  }

  /**
   * The status front matter asks for ({@link FrontMatterStatus}), or null when it says nothing:
   * a status nobody can read is not a reason to publish, so an import makes the post a draft.
   */
  public static String frontStatus(Map<String, Object> front, Policy policy) {
    try {
      return FrontMatterStatus.of(front);
    } catch (ServiceFailure unclear) {
      return policy.refuse(unclear.getMessage(), "imported as a draft", "draft");
    }
  }

  /**
   * A date and time: a YAML or TOML date, or ISO 8601 text (with an offset, else UTC; a date
   * alone is its midnight UTC). Null when absent.
   */
  public static OffsetDateTime publishedAt(Object raw, Policy policy) {
    if (raw instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (raw instanceof OffsetDateTime time) {
      return time;
    }
    if (raw instanceof ZonedDateTime time) {
      return time.toOffsetDateTime();
    }
    String text = raw instanceof Map || raw instanceof Collection ? null : text(raw);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          return policy.refuse("published_at '" + abbreviate(text)
              + "' is not a date: use ISO 8601, such as 2026-01-31T09:30:00Z or 2026-01-31", "left out", null);
        }
      }
    }
  }

  /** A plain text field of {@link PostField#TEXT}: trimmed, null when blank, at most its length. */
  public static String text(PostField field, Object raw, Policy policy) {
    String text = raw instanceof Date date ? date.toInstant().toString() : text(raw);
    if (text != null && text.length() > field.maxLength()) {
      return policy.refuse(field.key() + " is longer than " + field.maxLength() + " characters", "kept in meta", null);
    }
    return text;
  }

  /** A scalar as trimmed text, null when blank or not a scalar. */
  private static String text(Object value) {
    if (value == null || value instanceof Map || value instanceof Collection) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
