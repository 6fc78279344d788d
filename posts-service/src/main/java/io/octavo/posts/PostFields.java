package io.octavo.posts;

import static io.octavo.posts.imports.Engine.PLAIN;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what a writer sent into a {@link PostDraft}: a field given in the request wins, then
 * the front matter, then (on update) the stored post, then a default. Front-matter keys no field
 * claims become the draft's meta, as an import keeps them (null when the source has no front
 * matter: the stored meta stays). Rejects what cannot be stored with a 422 that says which field
 * is wrong.
 */
final class PostFields {
  static final int MAX_TITLE = 300;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 64;
  static final int MAX_SERIES = 200;
  private static final Set<String> STATUSES = Set.of("draft", "published", "scheduled");
  /** "[Name] Part 3 - Rest": a series and its part, named in the title. */
  private static final Pattern SERIES_TITLE = Pattern.compile(
      "\\[([^\\]]+)\\]\\s*Part\\s+(\\d{1,5})\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_H1 = Pattern.compile(" {0,3}#[ \\t]+(.+?)[ \\t#]*");

  private final Clock clock;

  PostFields(Clock clock) {
    this.clock = clock;
  }

  PostDraft resolve(PostInput input, Post existing) {
    if (input.markdown() == null) {
      throw ServiceFailure.unprocessable("markdown is required");
    }
    FrontMatter.Split split = FrontMatter.split(input.markdown());
    Map<String, Object> front = split.fields();

    String title = firstNonBlank(input.title(), text(PostField.TITLE.in(front, PLAIN)),
        existing == null ? null : existing.title(), firstHeading(split.body()));
    if (title == null) {
      throw ServiceFailure.unprocessable("title is required: give one, put it in the front matter,"
          + " or start the post with a '# Heading'");
    }
    title = title.strip();
    if (title.length() > MAX_TITLE) {
      throw ServiceFailure.unprocessable("title is longer than " + MAX_TITLE + " characters");
    }

    String slug = firstNonBlank(input.slug(), text(PostField.SLUG.in(front, PLAIN)),
        existing == null ? null : existing.slug());
    boolean derived = slug == null;
    if (derived) {
      slug = Slugs.fromTitle(title);
      if (slug.isEmpty()) {
        slug = "post";
      }
    } else if (!Slugs.isValid(slug)) {
      throw ServiceFailure.unprocessable("slug '" + abbreviate(slug) + "' must be lowercase letters,"
          + " digits and single hyphens, at most " + Slugs.MAX_LENGTH + " characters");
    }

    List<String> tags = input.tags() != null ? normaliseTags(input.tags())
        : PostField.TAGS.isIn(front, PLAIN) ? normaliseTags(frontTags(front))
            : existing != null ? existing.tags() : List.of();

    String series = firstNonBlank(input.series(), text(PostField.SERIES.in(front, PLAIN)),
        existing == null ? null : existing.series());
    Integer partFromTitle = null;
    if (series == null) {
      Matcher fromTitle = SERIES_TITLE.matcher(title);
      if (fromTitle.matches()) {
        series = fromTitle.group(1).strip();
        partFromTitle = Integer.valueOf(fromTitle.group(2));
      }
    }
    series = series == null ? null : series.strip().replaceAll("\\s+", " ");
    if (series != null && series.length() > MAX_SERIES) {
      throw ServiceFailure.unprocessable("series is longer than " + MAX_SERIES + " characters");
    }
    Integer part = input.seriesPart() != null ? input.seriesPart()
        : PostField.SERIES_PART.isIn(front, PLAIN) ? integer("series_part", PostField.SERIES_PART.in(front, PLAIN))
            : partFromTitle != null ? partFromTitle
                : existing != null ? existing.seriesPart() : null;
    if (part != null && (part < 1 || part > 100_000)) {
      throw ServiceFailure.unprocessable("series_part must be between 1 and 100000");
    }

    return withStatus(input, front, existing, new PostDraft(input.markdown(), split.body(), title, slug, derived,
        tags, series, series == null ? null : part, null, null, text(input, front, existing),
        front.isEmpty() ? null : PostField.meta(front, PLAIN, Set.of())));
  }

  private PostDraft withStatus(PostInput input, Map<String, Object> front, Post existing, PostDraft draft) {
    String status = firstNonBlank(input.status(), FrontMatterStatus.of(front),
        existing == null || existing.status() == null ? null : existing.status().wire(), "published");
    status = status.toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw ServiceFailure.unprocessable("status must be one of draft, published, scheduled; got '"
          + abbreviate(status) + "'");
    }
    OffsetDateTime publishedAt = input.publishedAt() != null ? timestamp("published_at", input.publishedAt())
        : PostField.PUBLISHED_AT.isIn(front, PLAIN) ? timestamp("published_at", PostField.PUBLISHED_AT.in(front, PLAIN))
            : existing != null && existing.publishedAt() != null
                    ? OffsetDateTime.parse(existing.publishedAt()) : null;
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (status.equals("scheduled") && publishedAt == null) {
      throw ServiceFailure.unprocessable("a scheduled post needs published_at");
    }
    if (!status.equals("draft") && publishedAt == null) {
      publishedAt = now;
    }
    if (status.equals("published") && publishedAt.isAfter(now)) {
      status = "scheduled"; // a future date on a published post means "publish then"
    } else if (status.equals("scheduled") && !publishedAt.isAfter(now)) {
      status = "published";
    }
    return new PostDraft(draft.markdown(), draft.body(), draft.title(), draft.slug(), draft.slugDerived(), draft.tags(),
        draft.series(), draft.seriesPart(), status, publishedAt, draft.text(), draft.meta());
  }

  /** The plain text fields: given, else from the front matter, else as stored, else absent. */
  private static Map<PostField, String> text(PostInput input, Map<String, Object> front, Post existing) {
    Map<PostField, String> text = new EnumMap<>(PostField.class);
    for (PostField field : PostField.TEXT) {
      String value = field.given(input) != null ? field.text(field.given(input))
          : field.isIn(front, PLAIN) ? field.text(field.in(front, PLAIN))
              : existing != null ? field.stored(existing) : null;
      if (value != null) {
        text.put(field, value);
      }
    }
    return text;
  }

  /** Tags and categories alike become tags. */
  private static List<String> frontTags(Map<String, Object> front) {
    List<String> all = new ArrayList<>();
    for (String key : PostField.TAGS.keys(PLAIN)) {
      front.forEach((name, value) -> {
        if (name.toLowerCase(Locale.ROOT).equals(key)) {
          all.addAll(list(value));
        }
      });
    }
    return all;
  }

  static List<String> normaliseTags(Collection<String> raw) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : raw) {
      String normal = tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (normal.isEmpty()) {
        continue;
      }
      if (normal.length() > MAX_TAG) {
        throw ServiceFailure.unprocessable("tag '" + abbreviate(normal) + "' is longer than " + MAX_TAG
            + " characters");
      }
      tags.add(normal);
    }
    if (tags.size() > MAX_TAGS) {
      throw ServiceFailure.unprocessable("a post has at most " + MAX_TAGS + " tags");
    }
    return List.copyOf(tags);
  }

  private static OffsetDateTime timestamp(String field, Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC);
    }
    String text = text(value);
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
          throw ServiceFailure.unprocessable(field + " '" + abbreviate(text)
              + "' is not a date: use ISO 8601, such as 2026-01-31T09:30:00Z or 2026-01-31");
        }
      }
    }
  }

  private static Integer integer(String field, Object value) {
    if (value instanceof Integer number) {
      return number;
    }
    try {
      return value == null ? null : Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw ServiceFailure.unprocessable(field + " must be a whole number");
    }
  }

  private static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(item -> item == null ? "" : item.toString()).toList();
    }
    return List.of(value.toString().split(","));
  }

  private static String text(Object value) {
    return value == null || value instanceof Map || value instanceof Collection ? null : value.toString();
  }

  /** The text of the first level-1 ATX heading of the body, outside fenced code. */
  private static String firstHeading(String body) {
    String[] lines = body.split("\\R", -1);
    String fence = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (fence == null && (line.startsWith("```") || line.startsWith("~~~"))) {
        fence = line.substring(0, 3);
      } else if (fence != null && line.startsWith(fence)) {
        fence = null;
      } else if (fence == null) {
        Matcher matcher = FIRST_H1.matcher(lines[i]);
        if (matcher.matches()) {
          return matcher.group(1);
        }
      }
    }
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
