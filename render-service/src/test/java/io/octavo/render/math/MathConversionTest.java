package io.octavo.render.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test math corpus (resources/math/corpus.tex): at least 99.5% of it becomes MathML. */
class MathConversionTest {

  @Test
  void atLeast995PerMilleOfTheCorpusBecomesMathMl() throws IOException {
    List<String> failed = new ArrayList<>();
    int formulas = 0;
    MathTypesetter typesetter = SharedTypesetter.INSTANCE;
    try (InputStream in = MathConversionTest.class.getResourceAsStream("/math/corpus.tex")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("%")) {
          continue;
        }
        boolean display = line.startsWith("D ");
        String tex = display ? line.substring(2) : line;
        MathTypesetter.Typeset typeset = typesetter.typeset(tex, display);
        formulas++;
        if (!typeset.converted() || typeset.mathml().contains("<merror")) {
          failed.add(tex + " -> " + typeset.error());
        }
      }
    }
    assertThat(formulas).isGreaterThan(150);
    assertThat(1.0 - (double) failed.size() / formulas).as("converted; failed: %s", failed).isGreaterThanOrEqualTo(0.995);
  }
}
