package io.octavo.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * A post's excerpt: the blocks before a {@code <!-- more -->} marker (Hexo's spacing or Hugo's
 * {@code <!--more-->}), else the first paragraph; {@code hasMore} says whether the post goes on.
 */
record Excerpt(List<Node> nodes, boolean hasMore) {
  private static final Pattern MORE = Pattern.compile("^\\s*<!--\\s*more\\s*-->\\s*$");

  /** Finds the excerpt and removes the marker from the document, so it never reaches the HTML. */
  static Excerpt cut(Node document) {
    List<Node> before = new ArrayList<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof HtmlBlock html && MORE.matcher(html.getLiteral()).matches()) {
        boolean hasMore = node.getNext() != null;
        node.unlink();
        return new Excerpt(before, hasMore);
      }
      before.add(node);
    }
    return firstParagraph(before);
  }

  /** A heading above the first paragraph is usually the title: only what follows counts as more. */
  private static Excerpt firstParagraph(List<Node> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Paragraph) {
        return new Excerpt(List.of(blocks.get(i)), i < blocks.size() - 1);
      }
    }
    return new Excerpt(List.of(), !blocks.isEmpty());
  }
}
