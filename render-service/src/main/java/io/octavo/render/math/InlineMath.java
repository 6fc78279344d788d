package io.octavo.render.math;

import org.commonmark.node.CustomNode;

/** {@code $TeX$} or {@code $$TeX$$} inside a paragraph; the TeX exactly as written. */
public final class InlineMath extends CustomNode {
  private final String tex;
  private final boolean display;

  public InlineMath(String tex, boolean display) {
    this.tex = tex;
    this.display = display;
  }

  public String tex() {
    return tex;
  }

  public boolean display() {
    return display;
  }
}
