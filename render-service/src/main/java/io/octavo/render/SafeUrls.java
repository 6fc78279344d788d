package io.octavo.render;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * The URL allow-list for Markdown links and images, the same as the sanitiser's: http, https,
 * mailto, or no scheme at all (relative). Anything else (javascript:, vbscript:, data:, file:...)
 * becomes an empty link. URLs are percent-encoded the CommonMark way first. Applied as an
 * attribute provider (commonmark's own URL sanitising also adds rel="nofollow" to every link,
 * which is not ours to decide).
 */
final class SafeUrls implements AttributeProvider {
  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    check(attributes, "href");
    check(attributes, "src");
  }

  private static void check(Map<String, String> attributes, String name) {
    String url = attributes.get(name);
    if (url != null) {
      String encoded = percentEncoded(url);
      attributes.put(name, allowed(encoded) ? encoded : "");
    }
  }

  /**
   * What {@code HtmlRenderer.percentEncodeUrls(true)} does (SafeUrlsTest pins it against the
   * renderer's public option): an existing {@code %XX} escape is kept, a lone {@code %} becomes
   * {@code %25}, and anything outside the characters below is written as UTF-8 percent escapes.
   * Ours because commonmark's encoder lives in a package its module does not export, and runs a
   * regular expression per URL (8% of rendering time on link-heavy posts); most URLs need nothing.
   */
  static String percentEncoded(String url) {
    int i = 0;
    while (i < url.length() && leftAlone(url.charAt(i))) {
      i++;
    }
    if (i == url.length()) {
      return url;
    }
    StringBuilder out = new StringBuilder(url.length() + 16).append(url, 0, i);
    while (i < url.length()) {
      char c = url.charAt(i);
      if (c == '%') {
        boolean escape = i + 2 < url.length() && hex(url.charAt(i + 1)) && hex(url.charAt(i + 2));
        out.append(escape ? url.substring(i, i + 3) : "%25");
        i += escape ? 3 : 1;
      } else if (leftAlone(c)) {
        out.append(c);
        i++;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
        for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        i = end;
      }
    }
    return out.toString();
  }

  private static boolean leftAlone(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || ":/?#@!$&'()*+,;=-._~".indexOf(c) >= 0;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean allowed(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == ':') {
        return i > 0 && SCHEMES.contains(url.substring(0, i).toLowerCase(Locale.ROOT));
      }
      boolean schemeChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-'));
      if (!schemeChar) {
        // not a scheme (a path, query or fragment began, or a character no scheme has): relative,
        // unless control characters or white space could hide a scheme from a lenient browser
        return url.chars().noneMatch(ch -> ch <= ' ' || ch == 0x7f);
      }
    }
    return true; // letters only: a relative path such as "about"
  }
}
