package io.octavo.posts.fields;

import static io.octavo.posts.fields.FieldReader.REFUSE;
import static io.octavo.posts.fields.Engine.PLAIN;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what a writer sent into a {@link PostDraft}: a field given in the request wins, then
 * the front matter, then (on update) the stored post, then a default. Each value is read by its
 * field's parser in {@link FieldReader}, as an import reads it, but refused with a 422 that says
 * which field is wrong where an import would warn and fall back. Front-matter keys no field claims
 * become the draft's meta, as an import keeps them (null when the source has no front matter: the
 * stored meta stays).
 */
public final class PostFields {
  /** "[Name] Part 3 - Rest": a series and its part, named in the title. */
  private static final Pattern SERIES_TITLE = Pattern.compile(
      "\\[([^\\]]+)\\]\\s*Part\\s+(\\d{1,5})\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_H1 = Pattern.compile(" {0,3}#[ \\t]+(.+?)[ \\t#]*");

  private final Clock clock;

  public PostFields(Clock clock) {
    this.clock = clock;
  }

  public PostDraft resolve(PostInput input, Post existing) {
    if (input.markdown() == null) {
      throw ServiceFailure.unprocessable("markdown is required");
    }
    FrontMatter.Split split = FrontMatter.split(input.markdown());
    Map<String, Object> front = split.fields();

    String title = first(() -> FieldReader.title(input.title(), REFUSE),
        () -> FieldReader.title(PostField.TITLE.in(front, PLAIN), REFUSE),
        () -> existing == null ? null : existing.title(),
        () -> FieldReader.title(firstHeading(split.body()), REFUSE));
    if (title == null) {
      throw ServiceFailure.unprocessable("title is required: give one, put it in the front matter,"
          + " or start the post with a '# Heading'");
    }

    String slug = first(() -> FieldReader.slug(input.slug(), REFUSE),
        () -> FieldReader.slug(PostField.SLUG.in(front, PLAIN), REFUSE),
        () -> existing == null ? null : existing.slug());
    boolean derived = slug == null;
    if (derived) {
      slug = Slugs.fromTitle(title);
      if (slug.isEmpty()) {
        slug = "post";
      }
    }

    List<String> tags = input.tags() != null ? FieldReader.tags(input.tags(), REFUSE)
        : PostField.TAGS.isIn(front, PLAIN) ? FieldReader.tags(FieldReader.names(PostField.TAGS.all(front, PLAIN), false),
            REFUSE)
            : existing != null ? existing.tags() : List.of();

    String series = first(() -> FieldReader.series(input.series(), REFUSE),
        () -> FieldReader.series(PostField.SERIES.in(front, PLAIN), REFUSE),
        () -> existing == null ? null : existing.series());
    Integer partFromTitle = null;
    if (series == null) {
      Matcher fromTitle = SERIES_TITLE.matcher(title);
      if (fromTitle.matches()) {
        series = FieldReader.series(fromTitle.group(1), REFUSE);
        partFromTitle = Integer.valueOf(fromTitle.group(2));
      }
    }
    Integer part = input.seriesPart() != null ? FieldReader.seriesPart(input.seriesPart(), REFUSE)
        : PostField.SERIES_PART.isIn(front, PLAIN) ? FieldReader.seriesPart(PostField.SERIES_PART.in(front, PLAIN), REFUSE)
            : partFromTitle != null ? FieldReader.seriesPart(partFromTitle, REFUSE)
                : existing != null ? existing.seriesPart() : null;

    return withStatus(input, front, existing, new PostDraft(input.markdown(), split.body(), title, slug, derived,
        tags, series, series == null ? null : part, null, null, text(input, front, existing),
        front.isEmpty() ? null : PostField.meta(front, PLAIN, Set.of())));
  }

  private PostDraft withStatus(PostInput input, Map<String, Object> front, Post existing, PostDraft draft) {
    String fromFront = FieldReader.frontStatus(front, REFUSE); // read even when the request gives one: a typo is refused
    String status = FieldReader.status(firstNonBlank(input.status(), fromFront,
        existing == null || existing.status() == null ? null : existing.status().wire(), "published"), REFUSE);
    OffsetDateTime publishedAt = input.publishedAt() != null ? FieldReader.publishedAt(input.publishedAt(), REFUSE)
        : PostField.PUBLISHED_AT.isIn(front, PLAIN) ? FieldReader.publishedAt(PostField.PUBLISHED_AT.in(front, PLAIN), REFUSE)
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
      String value = field.given(input) != null ? FieldReader.text(field, field.given(input), REFUSE)
          : field.isIn(front, PLAIN) ? FieldReader.text(field, field.in(front, PLAIN), REFUSE)
              : existing != null ? field.stored(existing) : null;
      if (value != null) {
        text.put(field, value);
      }
    }
    return text;
  }

  /** Tags as a post keeps them; a 422 for one too long or too many. */
  public static List<String> normaliseTags(Collection<String> raw) {
    return FieldReader.tags(raw, REFUSE);
  }

  /** The first value that is not null, each asked only if those before it were null. */
  @SafeVarargs
  private static <T> T first(Supplier<T>... candidates) {
    for (Supplier<T> candidate : candidates) {
      T value = candidate.get();
      if (value != null) {
        return value;
      }
    }
    return null;
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
}
