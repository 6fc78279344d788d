package io.octavo.common.posts;

/**
 * Where a post's front matter ends: the one place that decides it. The posts-service parses the
 * {@code text} and stores the {@code body} (search and snippets read that column); the render-service
 * and the preview are given the body only.
 *
 * <p>YAML front matter (Hexo, Jekyll, Hugo) opens with a {@code ---} line and closes with a
 * {@code ---} or {@code ...} line; TOML front matter (Hugo) opens and closes with {@code +++}. A fence
 * line may end in spaces or tabs, nothing else. An opening line without a closing one is not front
 * matter (a {@code ---} is then a thematic break).
 *
 * @param format what the block is written in; {@link Format#NONE} when the source has none
 * @param text the front matter between the fences, without them ("" when none)
 * @param body the Markdown after the closing fence's line (the whole source when none)
 */
public record FrontMatterBlock(Format format, String text, String body) {

  public enum Format { NONE, YAML, TOML }

  /** Splits {@code markdown} (null reads as ""). */
  public static FrontMatterBlock find(String markdown) {
    String source = markdown == null ? "" : markdown;
    if (opensWith(source, "---")) {
      return fenced(source, Format.YAML, "---", "...");
    }
    if (opensWith(source, "+++")) {
      return fenced(source, Format.TOML, "+++", "+++");
    }
    return none(source);
  }

  /** The Markdown after the front matter: what is rendered and searched. */
  public static String bodyOf(String markdown) {
    return find(markdown).body();
  }

  /**
   * The first line is the fence, trailing whitespace allowed (as on closing lines): commonmark's YAML
   * extension, which rendered posts before this class, hid front matter opening with {@code "--- "}.
   */
  private static boolean opensWith(String source, String fence) {
    int lineEnd = source.indexOf('\n');
    return lineEnd >= 0 && source.substring(0, lineEnd).stripTrailing().equals(fence);
  }

  private static FrontMatterBlock fenced(String source, Format format, String close, String alsoClose) {
    int start = source.indexOf('\n') + 1;
    int lineStart = start;
    while (lineStart < source.length()) {
      int lineEnd = source.indexOf('\n', lineStart);
      String line = (lineEnd < 0 ? source.substring(lineStart) : source.substring(lineStart, lineEnd)).strip();
      if (line.equals(close) || line.equals(alsoClose)) {
        return new FrontMatterBlock(format, source.substring(start, lineStart),
            lineEnd < 0 ? "" : source.substring(lineEnd + 1));
      }
      if (lineEnd < 0) {
        break;
      }
      lineStart = lineEnd + 1;
    }
    return none(source);
  }

  private static FrontMatterBlock none(String source) {
    return new FrontMatterBlock(Format.NONE, "", source);
  }
}
