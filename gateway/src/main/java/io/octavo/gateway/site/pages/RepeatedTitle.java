package io.octavo.gateway.site.pages;

import org.jsoup.Jsoup;
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
    if (html == null || title == null || !html.stripLeading().startsWith("<h1")) {
      return html;
    }
    Element first = Jsoup.parseBodyFragment(html).body().firstElementChild();
    if (first == null || !first.tagName().equals("h1") || !first.text().strip().equals(title.strip())) {
      return html;
    }
    int end = html.indexOf("</h1>"); // headings do not nest: the first end tag closes the first h1
    return html.substring(end + "</h1>".length()).stripLeading();
  }
}
