package io.octavo.posts.imports;

import java.util.ArrayList;
import java.util.List;

/** What a conversion changed or could not convert in one file, each with its line in the file. */
public final class Warnings {
  private final List<String> items = new ArrayList<>();
  private final int firstLine;

  /** {@code firstLine}: the file's line number of the body's first line (after front matter). */
  public Warnings(int firstLine) {
    this.firstLine = firstLine;
  }

  /** {@code bodyLine}: 0-based line within the body. */
  public void at(int bodyLine, String text) {
    items.add("line " + (firstLine + bodyLine) + ": " + text);
  }

  public void file(String text) {
    items.add(text);
  }

  public List<String> list() {
    return items;
  }
}
