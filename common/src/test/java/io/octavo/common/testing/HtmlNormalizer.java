package io.octavo.common.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Normalises HTML for comparison the way cmark's {@code test/normalize.py} does: entities decoded,
 * attributes sorted, white space collapsed outside {@code pre} and dropped around block tags,
 * heading ids ignored.
 */
public final class HtmlNormalizer {
  private static final Set<String> VOID = Set.of("br", "hr", "img", "input", "col");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Pattern AROUND_BLOCK_TAGS = Pattern.compile(
      "\\s*(</?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|th|td|hr|br|section)\\b[^>]*>)\\s*");

  private HtmlNormalizer() {
  }

  public static String normalize(String html) {
    StringBuilder out = new StringBuilder();
    for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
      write(node, out, false);
    }
    return AROUND_BLOCK_TAGS.matcher(out.toString()).replaceAll("$1").strip();
  }

  private static void write(Node node, StringBuilder out, boolean inPre) {
    if (node instanceof TextNode text) {
      String value = escape(text.getWholeText());
      out.append(inPre ? value : value.replaceAll("\\s+", " "));
    } else if (node instanceof Element element) {
      String tag = element.normalName();
      out.append('<').append(tag);
      List<Attribute> attributes = new ArrayList<>(element.attributes().asList());
      attributes.sort((a, b) -> a.getKey().compareTo(b.getKey()));
      for (Attribute attribute : attributes) {
        if (attribute.getKey().equals("id") && HEADINGS.contains(tag)) {
          continue;
        }
        out.append(' ').append(attribute.getKey()).append("=\"")
            .append(escape(attribute.getValue()).replace("\"", "&quot;")).append('"');
      }
      out.append('>');
      if (!VOID.contains(tag)) {
        for (Node child : element.childNodes()) {
          write(child, out, inPre || tag.equals("pre"));
        }
        out.append("</").append(tag).append('>');
      }
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
