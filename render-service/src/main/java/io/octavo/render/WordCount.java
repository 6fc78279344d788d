package io.octavo.render;

/** Words a reader reads: runs of characters between white space. */
final class WordCount {
  private WordCount() {
  }

  static int count(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c <= ' ' ? (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
          : c >= 0x80 && Character.isWhitespace(c);
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }
}
