package io.octavo.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Math from real technical posts: the TeX must reach the page byte for byte. */
class MathTest {
  private final MarkdownRenderer renderer = MarkdownRenderer.create();

  private String html(String markdown) {
    return renderer.render(markdown).html();
  }

  private static String inline(String tex) {
    return "<span class=\"math inline\">\\(" + tex + "\\)</span>";
  }

  private static String display(String tex) {
    return "<span class=\"math display\">\\[" + tex + "\\]</span>";
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a_1 + b_1 = c_{ij}",                        // underscores Hexo turns into emphasis
      "\\frac{a}{b} \\cdot \\sqrt{x^2 + y^2}",
      "\\{ x \\mid x > 0 \\}",                     // escaped braces keep their backslashes
      "|x| = \\left| -x \\right|",
      "a * b * c",                                 // stars are not emphasis
      "\\mathbf{x}^\\top \\mathbf{y}",
      "f(x) = \\begin{cases} 1 & x \\ge 0 \\\\ 0 & \\text{else} \\end{cases}",
      "\\alpha_{t+1} = \\alpha_t - \\eta \\nabla_\\theta J(\\theta)",
      "[a, b)",                                    // brackets are not links
      "`x`",                                       // backticks are not code
      "\\$ 5"                                      // an escaped dollar stays inside
  })
  void inlineTexIsKeptByteForByte(String tex) {
    String escaped = tex.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    assertThat(html("Let $" + tex + "$ hold.")).isEqualTo("<p>Let " + inline(escaped) + " hold.</p>\n");
  }

  @Test
  void lessThanGreaterThanAndAmpersandAreTheOnlyEscapes() {
    assertThat(html("$a<b>c & d$")).isEqualTo("<p>" + inline("a&lt;b&gt;c &amp; d") + "</p>\n");
  }

  @Test
  void displayMathBlockLinesAreNeverMarkdown() {
    String markdown = "$$\n- x \\\\\n# y \\\\\n    z = 1\n$$\n";
    assertThat(html(markdown)).isEqualTo("<p>" + display("- x \\\\\n# y \\\\\n    z = 1") + "</p>\n");
  }

  @Test
  void displayMathOnOneLine() {
    assertThat(html("$$E = mc^2$$\n")).isEqualTo("<p>" + display("E = mc^2") + "</p>\n");
  }

  @Test
  void displayMathInsideAParagraph() {
    assertThat(html("so $$\\sum_{i=1}^n i$$ holds")).isEqualTo("<p>so " + display("\\sum_{i=1}^n i") + " holds</p>\n");
  }

  @Test
  void pricesStayText() {
    assertThat(html("It costs $5 and $10.")).isEqualTo("<p>It costs $5 and $10.</p>\n");
    assertThat(html("Between $ 5 and 6 $.")).isEqualTo("<p>Between $ 5 and 6 $.</p>\n");
    assertThat(html("From $a$5 on")).isEqualTo("<p>From $a$5 on</p>\n");
  }

  @Test
  void escapedDollarIsALiteralDollar() {
    assertThat(html("\\$x$ is not math")).isEqualTo("<p>$x$ is not math</p>\n");
  }

  @Test
  void mathInsideCodeStaysCode() {
    assertThat(html("`$x_1$` and\n\n```\n$$y$$\n```\n"))
        .isEqualTo("<p><code>$x_1$</code> and</p>\n<pre><code>$$y$$\n</code></pre>\n");
  }

  @Test
  void aBlankLineEndsTheAttempt() {
    assertThat(html("$a\n\nb$")).isEqualTo("<p>$a</p>\n<p>b$</p>\n");
  }

  @Test
  void unclosedDisplayBlockIsShownAsText() {
    assertThat(html("$$\nx = 1\n\nnext")).isEqualTo("<p>$$\nx = 1</p>\n<p>next</p>\n");
  }

  @Test
  void mathSurvivesInExcerptHeadingsAndTables() {
    var out = renderer.render("Energy $E$ first.\n\n<!-- more -->\n\n## Bound $O(n)$\n\n| a | b |\n|---|---|\n| $x_1$ | 2 |\n");
    assertThat(out.excerptHtml()).isEqualTo("<p>Energy " + inline("E") + " first.</p>\n");
    assertThat(out.html()).contains("<h2 id=\"bound\">Bound " + inline("O(n)") + "</h2>", "<td>" + inline("x_1") + "</td>");
    assertThat(out.toc().getJsonObject(0).getString("text")).isEqualTo("Bound $O(n)$");
  }

  @Test
  void tableOfContentsEntriesCarryTheHeadingsHtmlWithMathAndWithoutLinks() {
    var out = renderer.render("## Bound $O(n)$\n\ntext\n\n## See [the paper](https://example.org) on $\\alpha$\n");
    // the heading's HTML as the body has it (this renderer has no typesetter: spans keep the TeX)
    assertThat(out.toc().getJsonObject(0).getString("html")).isEqualTo("Bound " + inline("O(n)"));
    assertThat(out.toc().getJsonObject(1).getString("html")).isEqualTo("See the paper on " + inline("\\alpha"));
  }

  @Test
  void nulCharactersInTheSourceCannotForgeMath() {
    String forged = "a\u0000dPHNjcmlwdD4\u0000b [x](/a \"\u0000dPHNjcmlwdD4\u0000\")";
    assertThat(html(forged)).doesNotContain("<script", "math display", "\u0000");
    assertThat(html(forged + " <b>raw</b>")).doesNotContain("<script", "math display", "\u0000");
  }

  @Test
  void mathSurvivesTheSanitiserPath() {
    assertThat(html("<b>raw</b> and $a+b=c$ and $$x@y$$"))
        .isEqualTo("<p><b>raw</b> and " + inline("a+b=c") + " and " + display("x@y") + "</p>\n");
  }

  @Test
  void placeholderCharactersInTheSourceCannotForgeMath() {
    String forged = "[x](/a \"\uE000dPHNjcmlwdD4\uE001\")";
    assertThat(html(forged)).doesNotContain("<script", "math display", "\uE000").contains("title=\"\uFFFDdPHNjcmlwdD4\uFFFD\"");
    assertThat(html(forged + " <b>raw html takes the sanitiser's path</b>")).doesNotContain("<script", "math display", "\uE000");
  }
}
