package io.octavo.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Makes rendered HTML safe to put in a page, whatever the author or an attacker wrote: raw HTML is
 * allowed in Markdown, then everything passes this allow-list (OWASP java-html-sanitizer). No
 * script, no event handlers, no style, and URLs only with http, https or mailto, or relative.
 *
 * <p>The list is what Markdown itself produces (with the GFM, footnote, task-list and heading-anchor
 * extensions) plus the inline HTML technical writers use: kbd, sub/sup, details, abbr, mark.
 */
final class Sanitizer {
  private static final Pattern CLASS_NAMES = Pattern.compile("[\\p{L}\\p{N} _+#.;:-]{1,200}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,200}");
  private static final Pattern ALIGN = Pattern.compile("left|center|right");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,9}");

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "div", "span", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "pre", "code", "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark",
          "small", "sub", "sup", "abbr", "cite", "q", "dfn", "time", "ul", "ol", "li", "dl", "dt", "dd",
          "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
          "a", "img", "figure", "figcaption", "details", "summary", "section", "input")
      .allowUrlProtocols("http", "https", "mailto")
      .allowAttributes("href").onElements("a")
      .allowAttributes("src").onElements("img")
      .allowAttributes("alt", "width", "height").onElements("img")
      .allowAttributes("title").globally()
      .allowAttributes("id").matching(ID).globally()
      .allowAttributes("class").matching(CLASS_NAMES).globally()
      .allowAttributes("align").matching(ALIGN).onElements("th", "td", "col", "p", "div")
      .allowAttributes("start").matching(NUMBER).onElements("ol")
      .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("th", "td")
      .allowAttributes("datetime").onElements("time")
      .allowAttributes("open").matching(Pattern.compile("|open")).onElements("details")
      // task lists: a disabled checkbox, checked or not
      .allowAttributes("type").matching(Pattern.compile("checkbox")).onElements("input")
      .allowAttributes("checked", "disabled").matching(Pattern.compile("|checked|disabled")).onElements("input")
      // footnotes
      .allowAttributes("data-footnote-ref", "data-footnote-backref", "data-footnote-backref-idx", "data-footnotes")
          .matching(Pattern.compile("[0-9]{0,9}")).globally()
      .allowAttributes("role", "aria-label").matching(Pattern.compile("[A-Za-z0-9 .,-]{0,100}")).globally()
      .allowTextIn("table", "thead", "tbody", "tr")
      .toFactory();

  private Sanitizer() {
  }

  private static final Pattern ENCODED_PARENS = Pattern.compile("(href|src)=\"([^\"]*%2[89][^\"]*)\"");

  static String clean(String html) {
    return parensInUrls(readable(POLICY.sanitize(html)));
  }

  /**
   * The sanitiser percent-encodes parentheses in URLs (a defence for URLs pasted into CSS). In a
   * quoted href or src they are harmless, and Markdown links such as {@code [x](f(a))} must keep
   * them, so they are put back. A {@code %28} the author wrote becomes {@code (}: the same URL to
   * every server we know.
   */
  private static String parensInUrls(String html) {
    if (html.indexOf("%2") < 0) {
      return html;
    }
    Matcher matcher = ENCODED_PARENS.matcher(html);
    StringBuilder out = new StringBuilder(html.length());
    while (matcher.find()) {
      String url = matcher.group(2).replace("%28", "(").replace("%29", ")");
      matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "=\"" + url + "\""));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * The sanitiser writes {@code ' + = @ `} as numeric references, a defence for browsers that read
   * UTF-7 or unquoted attributes. It always quotes attributes with {@code "}, and our pages are
   * UTF-8, so these five are safe as characters, and code stays readable in the page source.
   */
  private static String readable(String html) {
    int next = html.indexOf("&#");
    if (next < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length());
    int from = 0;
    while (next >= 0) {
      char plain = plainFor(html, next);
      if (plain != 0) {
        out.append(html, from, next).append(plain);
        from = next + 5;
      }
      next = html.indexOf("&#", next + 2);
    }
    return out.append(html, from, html.length()).toString();
  }

  /** The character a five-character reference {@code &#NN;} stands for, if it is one of ours. */
  private static char plainFor(String html, int at) {
    if (at + 5 > html.length() || html.charAt(at + 4) != ';') {
      return 0;
    }
    return switch (html.substring(at + 2, at + 4)) {
      case "43" -> '+';
      case "61" -> '=';
      case "64" -> '@';
      case "96" -> '`';
      case "39" -> '\'';
      default -> 0;
    };
  }
}
