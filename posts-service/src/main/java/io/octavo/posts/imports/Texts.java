package io.octavo.posts.imports;

/** Small text helpers the converters share. */
final class Texts {
  private Texts() {
  }

  /** 0-based line of {@code offset} in {@code text}. */
  static int lineOf(CharSequence text, int offset) {
    int line = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** An HTML comment that holds {@code text} safely (a comment cannot contain "--"). */
  static String comment(String text) {
    return "<!-- octavo import: " + text.replace("--", "- -").replace(">", "&gt;").replace("\n", " ") + " -->";
  }

  /** A fence of backticks longer than any run inside {@code code}. */
  static String fenceFor(String code) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < code.length(); i++) {
      run = code.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  static String abbreviate(String text) {
    String one = text.replace('\n', ' ').strip();
    return one.length() <= 80 ? one : one.substring(0, 77) + "...";
  }
}
