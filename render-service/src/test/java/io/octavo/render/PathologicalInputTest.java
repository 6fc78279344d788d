package io.octavo.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.octavo.common.ServiceFailure;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cmark's pathological inputs (test/pathological_tests.py) and the two that make commonmark-java
 * itself quadratic. Each must be answered well within 5 s, either rendered or refused with a 4xx
 * that says why; never an error the client cannot act on.
 */
class PathologicalInputTest {
  private static final Duration BOUND = Duration.ofSeconds(5);
  private final MarkdownRenderer renderer = MarkdownRenderer.create();

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("nested strong emph", "*a **a ".repeat(65_000) + "b" + " a** a*".repeat(65_000)),
        Arguments.of("many emph closers with no openers", "a_ ".repeat(65_000)),
        Arguments.of("many emph openers with no closers", "_a ".repeat(65_000)),
        Arguments.of("many link closers with no openers", "a]".repeat(65_000)),
        Arguments.of("many link openers with no closers", "[a".repeat(65_000)),
        Arguments.of("mismatched openers and closers", "*a_ ".repeat(50_000)),
        Arguments.of("openers and closers multiple of 3", "a**b" + "c* ".repeat(50_000)),
        Arguments.of("link openers and emph closers", "[ a_".repeat(50_000)),
        Arguments.of("pattern [ (]( repeated", "[ (](".repeat(80_000)),
        Arguments.of("pattern ![[]() repeated 40000 times", "![[]()".repeat(40_000)),
        Arguments.of("pattern ![[]() repeated 160000 times", "![[]()".repeat(160_000)),
        Arguments.of("cmark issue 389 at 160 KB", "*a ".repeat(20_000) + "_a*_ ".repeat(20_000)),
        Arguments.of("nested brackets", "[".repeat(50_000) + "a" + "]".repeat(50_000)),
        Arguments.of("nested block quotes", ">".repeat(50_000) + "a"),
        Arguments.of("deeply nested lists",
            IntStream.range(0, 1000).mapToObj(i -> "  ".repeat(i) + "* a\n").collect(Collectors.joining())),
        Arguments.of("U+0000 in input", "abc\u0000de\u0000"),
        Arguments.of("backticks", IntStream.range(1, 5000).mapToObj(i -> "e" + "`".repeat(i)).collect(Collectors.joining())),
        Arguments.of("unclosed links A", "[a](<b".repeat(30_000)),
        Arguments.of("unclosed links B", "[a](b".repeat(30_000)),
        Arguments.of("unclosed comments", "</" + "<!--".repeat(300_000)),
        Arguments.of("many dollars without closers", "$a ".repeat(100_000)),
        Arguments.of("unclosed display math", "$$\n" + "x\n".repeat(100_000)),
        Arguments.of("wide table", "|a".repeat(10_000) + "|\n" + "|-".repeat(10_000) + "|\n" + "|b".repeat(10_000) + "|\n"),
        Arguments.of("many table rows", "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(50_000)),
        Arguments.of("many footnote references", "[^1]".repeat(50_000) + "\n\n[^1]: n\n"),
        Arguments.of("many short paragraphs", "*a* _b_ [c](d)\n\n".repeat(50_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void answeredQuicklyWithHtmlOrAClearRefusal(String name, String input) {
    assertTimeoutPreemptively(BOUND, () -> {
      try {
        assertThat(renderer.render(input).html()).isNotNull();
      } catch (ServiceFailure refused) {
        assertThat(refused.code()).isIn(413, 422);
        assertThat(refused.getMessage()).isNotBlank();
      }
    });
  }
}
