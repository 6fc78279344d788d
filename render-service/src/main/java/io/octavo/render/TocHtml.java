package io.octavo.render;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Gives each table-of-contents entry the heading's finished inner HTML ({@code html}), taken from
 * the rendered body: math there is already typeset (MathML) and sanitised, so a TOC shows a
 * heading's formula as the body does instead of its raw {@code $TeX$}. Links inside a heading are
 * unwrapped, because the TOC entry is itself a link and links do not nest.
 */
final class TocHtml {
  private static final Pattern LINK_TAG = Pattern.compile("</?a\\b[^>]*>");

  private TocHtml() {
  }

  static JsonArray withHtml(JsonArray toc, String bodyHtml) {
    JsonArray entries = new JsonArray();
    int from = 0;
    for (Object item : toc) {
      JsonObject entry = ((JsonObject) item).copy();
      int level = entry.getInteger("level");
      // the heading's opening tag is ours (ids come from the heading text), so a plain search finds it
      String open = "<h" + level + " id=\"" + entry.getString("id") + "\">";
      String close = "</h" + level + ">";
      int start = bodyHtml.indexOf(open, from);
      int end = start < 0 ? -1 : bodyHtml.indexOf(close, start + open.length());
      if (end >= 0) {
        entry.put("html", LINK_TAG.matcher(bodyHtml.substring(start + open.length(), end)).replaceAll("").trim());
        from = end + close.length();
      }
      entries.add(entry);
    }
    return entries;
  }
}
