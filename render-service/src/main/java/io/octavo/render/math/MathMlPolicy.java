package io.octavo.render.math;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for the MathML Temml writes: MathML Core's presentation elements (plus
 * {@code menclose}, which browsers draw as {@code mrow} and Temml's CSS strikes through), their
 * layout attributes, and a {@code style} cut down to layout and colour properties. Never a link,
 * an id, an event handler, {@code annotation-xml} (it can carry HTML), a URL or a {@code position}.
 * Temml runs untrusted, so this is the second wall: it also drops the {@code <a>} Temml writes
 * for {@code \ref} and {@code \eqref}.
 */
final class MathMlPolicy {
  private static final Pattern VALUE = Pattern.compile("[#a-zA-Z0-9.%+ -]{0,100}");
  private static final Pattern CLASSES = Pattern.compile("[a-z][a-z0-9 -]{0,100}");
  private static final Pattern STYLE_VALUE = Pattern.compile("[#a-zA-Z0-9., %+-]{0,100}");
  private static final Set<String> STYLE_PROPERTIES = Set.of(
      "color", "display", "font-weight", "font-style", "height", "width", "justify-content", "margin-left",
      "margin-right", "math-depth", "math-style", "padding", "padding-left", "padding-right", "padding-top",
      "padding-bottom", "text-align", "white-space", "border", "border-top", "border-bottom", "border-left",
      "border-right");

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace",
          "msup", "msub", "msubsup", "munder", "mover", "munderover", "mmultiscripts", "mprescripts", "none",
          "mfrac", "msqrt", "mroot", "mstyle", "mpadded", "mphantom", "mtable", "mtr", "mtd", "merror",
          "menclose")
      .allowAttributes("display").matching(Pattern.compile("block|inline")).onElements("math")
      .allowAttributes("encoding").matching(Pattern.compile("application/x-tex")).onElements("annotation")
      .allowAttributes("accent", "accentunder", "columnalign", "columnspan", "rowspan", "depth", "displaystyle",
          "fence", "form", "height", "largeop", "linethickness", "lspace", "mathbackground", "mathcolor",
          "mathsize", "mathvariant", "maxsize", "minsize", "movablelimits", "notation", "rowspacing",
          "columnspacing", "rspace", "scriptlevel", "separator", "stretchy", "symmetric", "voffset", "width")
          .matching(VALUE).globally()
      .allowAttributes("class").matching(CLASSES).globally()
      .allowAttributes("style").matching(MathMlPolicy::layoutOnly).globally()
      .toFactory();

  private MathMlPolicy() {
  }

  static String clean(String mathml) {
    return readable(POLICY.sanitize(mathml));
  }

  /**
   * The sanitiser writes {@code + = @ ` '} as numeric references (a defence for pages read as
   * UTF-7); attributes are always double-quoted and pages are UTF-8, so the TeX in the annotation
   * keeps them as characters, as the page's own sanitiser does. Runs once per distinct formula.
   */
  private static String readable(String mathml) {
    if (mathml.indexOf("&#") < 0) {
      return mathml;
    }
    return mathml.replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@").replace("&#96;", "`")
        .replace("&#39;", "'");
  }

  /** Keeps the declarations whose property is on the list and whose value has no function or URL. */
  private static String layoutOnly(String element, String attribute, String style) {
    StringBuilder kept = new StringBuilder(style.length());
    for (String declaration : style.split(";")) {
      int colon = declaration.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = declaration.substring(colon + 1).strip();
      if (STYLE_PROPERTIES.contains(property) && STYLE_VALUE.matcher(value).matches()) {
        kept.append(property).append(':').append(value).append(';');
      }
    }
    return kept.isEmpty() ? null : kept.toString();
  }
}
