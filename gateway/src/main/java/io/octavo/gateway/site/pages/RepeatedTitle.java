package io.octavo.gateway.site.pages;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A post written the documented way starts with {@code # Title}, and the page's header already
 * shows the title: the first {@code <h1>}, when it says the same, is cut from the body and the
 * excerpt so the title is not shown twice. A first heading with other words stays.
 */
public final class RepeatedTitle {
  private RepeatedTitle() {
  }

  public static String cut(String html, String title) {
    return startsWithH1(html, title) ? cut(html, title, Jsoup.parseBodyFragment(html)) : html;
  }

  /** The same, for a caller that has parsed {@code html} already (a post's page). */
  static String cut(String html, String title, Document parsed) {
    if (!startsWithH1(html, title)) {
      return html;
    }
    Element first = parsed.body().firstElementChild();
    if (first == null || !first.tagName().equals("h1") || !first.text().strip().equals(title.strip())) {
      return html;
    }
    int end = html.indexOf("</h1>"); // headings do not nest: the first end tag closes the first h1
    return html.substring(end + "</h1>".length()).stripLeading();
  }

  private static boolean startsWithH1(String html, String title) {
    return html != null && title != null && html.stripLeading().startsWith("<h1");
  }
}
