package io.octavo.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.render.Rendered;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XSS attempts, many from the OWASP filter-evasion cheat sheet, written raw and inside Markdown
 * constructs. Whatever the input, neither {@code html} nor {@code excerpt_html} may carry a
 * script, an event handler, a style, or a javascript:, vbscript: or data:text/html URL.
 */
class SafetyTest {
  private static final Pattern BAD_URL = Pattern.compile("^\\s*(javascript|vbscript|data):", Pattern.CASE_INSENSITIVE);
  private final MarkdownRenderer renderer = MarkdownRenderer.create();

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<SCRIPT SRC=//xss.example/xss.js></SCRIPT>",
      "<IMG SRC=\"javascript:alert('XSS');\">",
      "<IMG SRC=javascript:alert('XSS')>",
      "<IMG SRC=JaVaScRiPt:alert('XSS')>",
      "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
      "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
      "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
      "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
      "<IMG SRC=# onmouseover=\"alert('xxs')\">",
      "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
      "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
      "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
      "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
      "<IMG SRC=\"jav\tascript:alert('XSS');\">",
      "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
      "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
      "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
      "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
      "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
      "<SCRIPT SRC=http://xss.example/xss.js?< B >",
      "<iframe src=http://xss.example/scriptlet.html <",
      "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
      "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
      "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
      "<svg/onload=alert('XSS')>",
      "<svg><script>alert(1)</script></svg>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
      "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
      "<DIV STYLE=\"width: expression(alert('XSS'));\">",
      "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
      "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
      "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
      "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
      "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
      "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
      "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
      "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
      "<a href=\"&#1;javascript:alert(1)\">x</a>",
      "<a href=\"java\u0000script:alert(1)\">x</a>",
      "<a href=\"vbscript:msgbox(1)\">x</a>",
      "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
      "<form action=\"javascript:alert(1)\"><button>go</button></form>",
      "<details open ontoggle=alert(1)>",
      "<base href=\"javascript:alert(1)//\">",
      "<link rel=stylesheet href=javascript:alert(1)>",
      "[click](javascript:alert(1))",
      "[click](JAVASCRIPT:alert(1))",
      "[click](  javascript:alert(1)  )",
      "[click](java&#x73;cript:alert(1))",
      "[click](vbscript:msgbox(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![img](javascript:alert(1))",
      "[ref]\n\n[ref]: javascript:alert(1)",
      "<javascript:alert(1)>",
      "[x](/ \"a\\\" onmouseover=\\\"alert(1)\")",
      "$x$<img src=x onerror=alert(1)>$y$",
      "$<script>alert(1)</script>$",
      "$$\n</span><script>alert(1)</script>\n$$",
      "```\"><script>alert(1)</script>\nx\n```",
      "| <script>alert(1)</script> |\n|---|\n| <img src=x onerror=alert(1)> |",
      "Text[^1]\n\n[^1]: <script>alert(1)</script>",
      "- [ ] <img src=x onerror=alert(1)>",
      "## <img src=x onerror=alert(1)>",
  })
  void nothingExecutableSurvives(String attack) {
    Rendered out = renderer.render(attack + "\n\n<!-- more -->\n\n" + attack);
    assertSafe(out.html());
    assertSafe(out.excerptHtml());
  }

  private static void assertSafe(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script", "<iframe", "<object", "<embed", "<style", "<meta", "<base",
        "<form", "<link", "<svg", "<frame");
    for (Element element : Jsoup.parseBodyFragment(html).getAllElements()) {
      assertThat(element.tagName()).isNotIn("script", "iframe", "object", "embed", "style", "svg", "form");
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).as("in %s", html).doesNotStartWith("on").isNotEqualTo("style");
        assertThat(BAD_URL.matcher(attribute.getValue()).find()).as("%s in %s", attribute, html).isFalse();
      }
    }
  }
}
