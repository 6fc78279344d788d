package io.octavo.render.math;

import org.commonmark.node.CustomBlock;

/**
 * A {@code $$ ... $$} block on lines of its own. Its lines are TeX, never Markdown: no lists,
 * headings or code inside. {@code closed} is false when no closing {@code $$} came before a blank
 * line or the end; such a block renders as the text it was.
 */
public final class DisplayMathBlock extends CustomBlock {
  private String tex = "";
  private boolean closed;

  /** Set by the parser when the block ends: the node is in the tree before its lines are read. */
  void finish(String tex, boolean closed) {
    this.tex = tex;
    this.closed = closed;
  }

  public String tex() {
    return tex;
  }

  public boolean closed() {
    return closed;
  }
}
