package io.octavo.render;

import org.commonmark.renderer.html.HtmlRenderer;

/**
 * What makes rendered HTML safe to put in a page. For now raw HTML in the source is escaped, not
 * passed through, and link and image URLs with unsafe schemes are neutralised by commonmark's URL
 * sanitiser; a sanitiser that lets safe raw HTML through replaces this policy in one place.
 */
interface HtmlSafety {

  HtmlRenderer.Builder configure(HtmlRenderer.Builder builder);

  String clean(String html);

  static HtmlSafety escapeRawHtml() {
    return new HtmlSafety() {
      @Override
      public HtmlRenderer.Builder configure(HtmlRenderer.Builder builder) {
        return builder.escapeHtml(true).sanitizeUrls(true);
      }

      @Override
      public String clean(String html) {
        return html; // nothing raw got through: escaping already happened while rendering
      }
    };
  }
}
