package io.octavo.render.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.octavo.common.render.Rendered;
import io.octavo.render.MarkdownRenderer;
import io.octavo.render.RenderLimits;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Math typeset on the server: MathML Core in the span, the TeX in its annotation, nothing unsafe. */
class MathMlTest {
  private static MathTypesetter typesetter;
  private static MarkdownRenderer renderer;

  @BeforeAll
  static void start() {
    typesetter = SharedTypesetter.INSTANCE;
    renderer = MarkdownRenderer.create(RenderLimits.defaults(), typesetter);
  }

  @Test
  void inlineMathCarriesMathMlWithTheTexInItsAnnotation() {
    String html = renderer.render("Euler: $e^{i\\pi} + 1 = 0$, and $a<b$.").html();
    assertThat(html).startsWith("<p>Euler: <span class=\"math inline\"><math><semantics>")
        .contains("<mi>π</mi>", "<annotation encoding=\"application/x-tex\">e^{i\\pi} + 1 = 0</annotation>",
            "<annotation encoding=\"application/x-tex\">a&lt;b</annotation></semantics></math></span>.</p>")
        .doesNotContain("\\(");
  }

  @Test
  void tableOfContentsShowsAHeadingsFormulaTypeset() {
    Rendered out = renderer.render("## Bound $O(n)$\n\ntext\n");
    assertThat(out.toc().getJsonObject(0).getString("html"))
        .startsWith("Bound <span class=\"math inline\"><math>").doesNotContain("$", "\\(");
  }

  @Test
  void displayMathIsABlockMathElement() {
    String html = renderer.render("$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$\n").html();
    assertThat(html).startsWith("<p><span class=\"math display\"><math display=\"block\"")
        .contains("<mfrac>", "<msubsup>").endsWith("</math></span></p>\n");
  }

  @Test
  void texNeverBecomesALinkOrAStyle() {
    Rendered out = renderer.render("$\\href{https://evil.example}{\\style{position:fixed;top:0}{X}}$ "
        + "$\\ref{x}$ $\\eqref{x}$ $\\class{evil}{y}$ $\\htmlData{a=b}{z}$ $\\url{javascript:alert(1)}$");
    assertThat(out.html()).doesNotContain("<a", "href=", "style=", "class=\"evil");
  }

  @Test
  void aFormulaTemmlCannotConvertStaysTexAndIsAWarning() {
    Rendered out = renderer.render("Fine $x^2$ but $\\notacommand{y}$.\n\n<!-- more -->\n\nrest");
    assertThat(out.html()).contains("<span class=\"math inline\">\\(\\notacommand{y}\\)</span>", "<msup>");
    assertThat(out.excerptHtml()).contains("\\(\\notacommand{y}\\)");
    assertThat(out.warnings()).singleElement().asString()
        .contains("math not typeset", "\\notacommand", "Unsupported function name");
  }

  @Test
  void formsMathJaxAcceptsAreTypesetWithTheTexAsWrittenInTheAnnotation() {
    for (String tex : new String[] {"\\tau_\\max = 1", "Q^\\vec{\\mu}_i", "n = \\text{sentence_length} < 3"}) {
      MathTypesetter.Typeset typeset = typesetter.typeset(tex, false);
      assertThat(typeset.converted()).as(tex + ": " + typeset.error()).isTrue();
      assertThat(typeset.mathml()).contains("<annotation encoding=\"application/x-tex\">"
          + tex.replace("<", "&lt;") + "</annotation>");
    }
    assertThat(MathJaxForms.relax("x_\\max + y^\\hat{a}{b} \\text{a_b \\_ c}"))
        .isEqualTo("x_{\\max} + y^{\\hat{a}{b}} \\text{a\\_b \\_ c}");
    assertThat(MathJaxForms.relax("x_{1} + \\frac{a}{b}")).isEqualTo("x_{1} + \\frac{a}{b}");
  }

  @Test
  void reRenderingFindsEveryFormulaInTheCache() {
    String post = "$a_{17}$ $b^{17}$ $\\sqrt{17}$ and again $a_{17}$";
    MathTypesetter.Stats before = typesetter.stats();
    renderer.render(post);
    MathTypesetter.Stats first = typesetter.stats();
    assertThat(first.converted() - before.converted()).isEqualTo(3); // the repeated formula converts once
    renderer.render(post);
    MathTypesetter.Stats second = typesetter.stats();
    assertThat(second.converted()).isEqualTo(first.converted());
    assertThat(second.misses()).isEqualTo(first.misses());
    assertThat(second.hits()).isGreaterThan(first.hits());
  }

  @Test
  void aFormulaOverTheTimeLimitIsNotConvertedAndTheEngineRecovers() {
    try (TemmlEngine engine = new TemmlEngine(1, Duration.ofMillis(50))) {
      String huge = "x^{2}+".repeat(4000) + "1";
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> engine.toMathMl(huge, true)))
          .isInstanceOf(MathConversionException.class).hasMessageContaining("took longer than 50 ms");
    }
    try (TemmlEngine engine = new TemmlEngine(1, Duration.ofSeconds(10))) {
      assertThat(engine.toMathMl("x", false)).contains("<mi>x</mi>");
    }
  }

  @Test
  void thePolicyKeepsMathMlCoreAndDropsEverythingElse() {
    String hostile = "<math display=\"block\" onclick=\"alert(1)\"><mrow href=\"javascript:alert(1)\" id=\"main\">"
        + "<mi style=\"position:fixed;top:0;color:#f00;background:url(x)\" class=\"tml-sml-pad\">x</mi>"
        + "<a href=\"#x\">ref</a><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)></annotation-xml>"
        + "<script>alert(1)</script><mspace width=\"1em\"></mspace></mrow></math>";
    assertThat(MathMlPolicy.clean(hostile)).isEqualTo("<math display=\"block\"><mrow>"
        + "<mi style=\"color:#f00\" class=\"tml-sml-pad\">x</mi>ref<mspace width=\"1em\"></mspace></mrow></math>");
  }
}
