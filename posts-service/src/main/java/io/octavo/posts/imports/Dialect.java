package io.octavo.posts.imports;

import io.octavo.posts.fields.Engine;
import java.util.Locale;

/** The Markdown a source was written for: the engine whose reader decided what it meant. */
public enum Dialect {
  /** Jekyll's kramdown (GFM input, math_engine mathjax): {@code $$} is inline or display by position. */
  KRAMDOWN,
  /** Hugo's goldmark: CommonMark, math left to MathJax after Markdown escapes are undone. */
  GOLDMARK,
  /** pandoc's {@code tex_math_dollars}, which is also Octavo's own: nothing to convert. */
  PANDOC;

  /** The dialect an engine's posts are written in unless a file or the importer says otherwise. */
  public static Dialect of(Engine engine) {
    return switch (engine) {
      case JEKYLL -> KRAMDOWN;
      case HUGO -> GOLDMARK;
      case HEXO, PLAIN -> PANDOC;
    };
  }

  /** A name as a writer gives it (front matter {@code octavo_dialect}, the CLI's {@code --dialect}), or null. */
  public static Dialect parse(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "kramdown", "jekyll" -> KRAMDOWN;
      case "goldmark", "hugo" -> GOLDMARK;
      case "pandoc", "hexo", "octavo", "commonmark" -> PANDOC;
      default -> null;
    };
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
