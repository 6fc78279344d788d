package io.octavo.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.Test;

/** Where math starts and ends, as pandoc's tex_math_dollars decides it (docs/rendering.md). */
class MathPairingTest {
  private final MarkdownRenderer renderer = MarkdownRenderer.create();

  private String html(String markdown) {
    return renderer.render(markdown).html();
  }

  @Test
  void aPriceBeforeFormulaStaysTextAsInPandoc() {
    assertThat(html("costs $5 and the $x$")).isEqualTo(
        "<p>costs $5 and the <span class=\"math inline\">\\(x\\)</span></p>\n");
  }

  @Test
  void aClosingDollarBeforeADigitEndsTheAttempt() {
    assertThat(html("$x$5 and $y$")).isEqualTo("<p>$x$5 and <span class=\"math inline\">\\(y\\)</span></p>\n");
  }

  @Test
  void textMayHoldDollarsInsideInlineMath() {
    assertThat(html("$\\text{a $b$ c}$")).isEqualTo("<p><span class=\"math inline\">\\(\\text{a $b$ c}\\)</span></p>\n");
  }

  @Test
  void wideSpacesInsideMathEndNeitherTheScanNorTheFormula() {
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> assertThat(html("令$a\u3000b$，且 $c\u00a0d$。"))
        .isEqualTo("<p>令<span class=\"math inline\">\\(a\u3000b\\)</span>，且 <span class=\"math inline\">\\(c\u00a0d\\)</span>。</p>\n"));
  }

  @Test
  void twoFormulasOnOneLineStayTwo() {
    assertThat(html("- $P_6$ is $C_5$")).contains("\\(P_6\\)</span> is <span class=\"math inline\">\\(C_5\\)");
  }

  @Test
  void displayBlocksInListItemsAreMath() {
    String html = html("- item\n\n  $$\n  \\begin{cases}a\\\\b\\end{cases}\n  $$\n\n  after\n- next\n");
    assertThat(html).contains("<span class=\"math display\">\\[\\begin{cases}a\\\\b\\end{cases}\\]</span>")
        .contains("<p>after</p>").doesNotContain("$$");
  }

  @Test
  void displayBlockRightBeforeHtml() {
    String html = html("$$\nx = 1\n$$\n<br/>\ntext\n");
    assertThat(html).contains("<span class=\"math display\">\\[x = 1\\]</span>").doesNotContain("$$");
  }
}
