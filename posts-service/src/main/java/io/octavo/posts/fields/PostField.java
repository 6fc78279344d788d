package io.octavo.posts.fields;

import io.octavo.common.posts.Post;
import io.octavo.common.posts.PostInput;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A post's shape, in one table: each field a writer sets, with its name (the API's JSON key, the
 * column, the export's front-matter key) and the front-matter keys that fill it, per engine. API
 * writes ({@link PostFields}), import ({@code imports.ImportMapper}), export ({@code imports.PostFile}),
 * the unchanged check ({@code writes.Importer}), the SQL ({@code store.SqlQueries}) and the row mapper
 * ({@code store.PostRows}) all read it (plain names: this package is below theirs); a front-matter
 * key no field takes its value from is kept in {@code meta}.
 *
 * <p>Each field's value is parsed by its parser in {@link FieldReader}, for API writes and imports
 * alike (an API write refuses a bad value, an import warns and falls back). Core fields (title to
 * published_at) also have rules of their own in {@link PostFields} (defaults, a title from the
 * first heading, a series from the title...). A plain text field needs one line
 * here, its column (a migration), and its component in {@link Post} and {@link PostInput}:
 * writes, import, export, storage and reads follow from this table.
 */
public enum PostField {
  TITLE("title", null, null, null, null, null, List.of("title")),
  SLUG("slug", null, null, null, null, null, List.of("slug")),
  TAGS("tags", null, null, null, null, null, List.of("tags", "categories")),
  SERIES("series", null, null, null, null, null, List.of("series")),
  SERIES_PART("series_part", null, null, null, null, null, List.of("series_part")),
  /** {@code published} is read too ({@link FrontMatterStatus}) but kept in meta, as Hexo wrote it. */
  STATUS("status", null, null, null, null, null, List.of("status", "draft")),
  PUBLISHED_AT("published_at", null, null, null, null, null,
      List.of("published_at", "date", "publishdate", "pubdate", "published_date")),
  /** The writer's summary: the page's meta description, the feeds' summary. */
  DESCRIPTION("description", 1000, PostInput::description, PostInput.Builder::description, Post::description,
      Post.Builder::description, List.of("description"),
      Map.of(Engine.HUGO, List.of("summary"), Engine.JEKYLL, List.of("excerpt"), Engine.HEXO, List.of("excerpt")));

  private final String key;
  private final Integer maxLength;
  private final Function<PostInput, String> fromInput;
  private final BiConsumer<PostInput.Builder, String> toInput;
  private final Function<Post, String> fromPost;
  private final BiConsumer<Post.Builder, String> toPost;
  private final List<String> keys;
  private final Map<Engine, List<String>> engineKeys;

  PostField(String key, Integer maxLength, Function<PostInput, String> fromInput,
            BiConsumer<PostInput.Builder, String> toInput, Function<Post, String> fromPost,
            BiConsumer<Post.Builder, String> toPost, List<String> keys) {
    this(key, maxLength, fromInput, toInput, fromPost, toPost, keys, Map.of());
  }

  PostField(String key, Integer maxLength, Function<PostInput, String> fromInput,
            BiConsumer<PostInput.Builder, String> toInput, Function<Post, String> fromPost,
            BiConsumer<Post.Builder, String> toPost, List<String> keys, Map<Engine, List<String>> engineKeys) {
    this.key = key;
    this.maxLength = maxLength;
    this.fromInput = fromInput;
    this.toInput = toInput;
    this.fromPost = fromPost;
    this.toPost = toPost;
    this.keys = keys;
    this.engineKeys = engineKeys;
  }

  /** Text fields that follow the common rule: given, else front matter, else stored, else null. */
  public static final List<PostField> TEXT = java.util.Arrays.stream(values()).filter(field -> field.maxLength != null).toList();

  /** The field's name: its JSON key in the API, its column, its key in exported front matter. */
  public String key() {
    return key;
  }

  /** The front-matter keys (lower case) that fill it in a post of this engine; PLAIN (the API, a bare folder) reads all. */
  List<String> keys(Engine engine) {
    List<String> all = new ArrayList<>(keys);
    engineKeys.forEach((which, extra) -> {
      if (engine == Engine.PLAIN || which == engine) {
        all.addAll(extra);
      }
    });
    return all;
  }

  /** The value of the first of its keys the front matter has (keys compared in lower case), or null. */
  public Object in(Map<String, Object> front, Engine engine) {
    Map.Entry<String, Object> first = first(front, engine);
    return first == null ? null : first.getValue();
  }

  /** The front-matter entry with a value under the first of its keys the front matter has, or null. */
  private Map.Entry<String, Object> first(Map<String, Object> front, Engine engine) {
    for (String name : keys(engine)) {
      for (Map.Entry<String, Object> entry : front.entrySet()) {
        if (entry.getKey().toLowerCase(Locale.ROOT).equals(name) && entry.getValue() != null) {
          return entry;
        }
      }
    }
    return null;
  }

  /** The values of all its keys the front matter has, in the keys' order (tags and categories both fill tags). */
  public List<Object> all(Map<String, Object> front, Engine engine) {
    List<Object> values = new ArrayList<>();
    for (String name : keys(engine)) {
      front.forEach((frontKey, value) -> {
        if (frontKey.toLowerCase(Locale.ROOT).equals(name) && value != null) {
          values.add(value);
        }
      });
    }
    return values;
  }

  /** Whether the front matter names the field under one of its keys. */
  boolean isIn(Map<String, Object> front, Engine engine) {
    return front.keySet().stream().anyMatch(name -> keys(engine).contains(name.toLowerCase(Locale.ROOT)));
  }

  /** The longest a text field may be. */
  int maxLength() {
    return maxLength;
  }

  /** A text field's value as a writer gave it, or null. */
  String given(PostInput input) {
    return fromInput.apply(input);
  }

  /** Gives a text field's value to an input being built (an import's). */
  public void give(PostInput.Builder input, String value) {
    toInput.accept(input, value);
  }

  /** A text field's stored value, or null. */
  public String stored(Post post) {
    return fromPost.apply(post);
  }

  /** Sets a text field's stored value (its column's) on a post being read. */
  public void read(Post.Builder post, String value) {
    toPost.accept(post, value);
  }

  /** The value a draft stores in the field's column. */
  public Object column(PostDraft draft) {
    return switch (this) {
      case TITLE -> draft.title();
      case SLUG -> draft.slug();
      case TAGS -> draft.tags().toArray(String[]::new);
      case SERIES -> draft.series();
      case SERIES_PART -> draft.seriesPart();
      case STATUS -> draft.status();
      case PUBLISHED_AT -> draft.publishedAt();
      default -> draft.text().get(this);
    };
  }

  /** Whether writing the draft would leave the field of the stored post as it is. */
  public boolean unchanged(Post stored, PostDraft draft) {
    return switch (this) {
      case TAGS -> stored.tags().equals(draft.tags());
      case SERIES_PART -> Objects.equals(stored.seriesPart(), draft.seriesPart());
      case PUBLISHED_AT -> stored.publishedAt() == null || draft.publishedAt() == null
          ? stored.publishedAt() == null && draft.publishedAt() == null
          : OffsetDateTime.parse(stored.publishedAt()).toInstant().equals(draft.publishedAt().toInstant());
      case TITLE -> Objects.equals(stored.title(), draft.title());
      case SLUG -> Objects.equals(stored.slug(), draft.slug());
      case SERIES -> Objects.equals(stored.series(), draft.series());
      case STATUS -> stored.status() != null && stored.status().wire().equals(draft.status());
      default -> Objects.equals(stored(stored), draft.text().get(this));
    };
  }

  /**
   * The front-matter keys (lower case) whose values this field takes from this front matter, which
   * meta then leaves out. A field read from one key takes that key only: with both
   * {@code description} and {@code excerpt}, the excerpt stays in meta, and so does a text too long
   * for the field. Tags (tags and categories) and status (status, else draft) read all their keys
   * together and take them all. A key with no value is taken: it says nothing to keep.
   */
  private Set<String> takes(Map<String, Object> front, Engine engine) {
    List<String> names = keys(engine);
    String used = usedKey(front, engine);
    Set<String> taken = new HashSet<>();
    front.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (names.contains(lower) && (this == TAGS || this == STATUS || value == null || lower.equals(used))) {
        taken.add(lower);
      }
    });
    return taken;
  }

  /** The key (lower case) whose value {@link #in} gives, if the field stores it; else null. */
  private String usedKey(Map<String, Object> front, Engine engine) {
    Map.Entry<String, Object> first = first(front, engine);
    return first != null && (maxLength == null || FieldReader.text(this, first.getValue(), FieldReader.LEAVE) != null)
        ? first.getKey().toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The front-matter keys no field takes, as JSON: what a post keeps in {@code meta}, for imports
   * and API writes alike. {@code alsoClaimed}: keys the caller reads itself (lower case).
   */
  public static JsonObject meta(Map<String, Object> front, Engine engine, Set<String> alsoClaimed) {
    Set<String> taken = new HashSet<>(alsoClaimed);
    for (PostField field : values()) {
      taken.addAll(field.takes(front, engine));
    }
    JsonObject meta = new JsonObject();
    front.forEach((name, value) -> {
      if (!taken.contains(name.toLowerCase(Locale.ROOT))) {
        meta.put(name, FrontMatter.json(value));
      }
    });
    return meta;
  }
}
