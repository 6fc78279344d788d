package io.octavo.bench;

import io.octavo.render.math.MathTypesetter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a real blog's math the server typesets: reads Markdown files, takes every
 * {@code $$...$$} and {@code $...$} formula, converts each with the render-service's typesetter
 * and prints the share converted, the time per formula cold (first sight) and warm (cached), and
 * the commonest reasons for failure.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.octavo.bench.MathConversionReport [--kramdown] posts/*.md</pre>
 *
 * With {@code --kramdown} only {@code $$...$$} is math (kramdown's rule: Jekyll sites).
 */
public final class MathConversionReport {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
  private static final Pattern FENCE = Pattern.compile("(?s)```.*?```|~~~.*?~~~");
  private static final Pattern DISPLAY = Pattern.compile("(?s)\\$\\$(.+?)\\$\\$");
  private static final Pattern INLINE = Pattern.compile("(?<![\\\\$])\\$(?![\\s$])([^$\\n]+?)(?<![\\s\\\\])\\$(?![0-9$])");

  private MathConversionReport() {
  }

  /** kramdown's display math: {@code $$} starting and ending a line. */
  private static boolean onItsOwnLine(String text, int start, int end) {
    int before = start - 1;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    int after = end;
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    return (before < 0 || text.charAt(before) == '\n') && (after >= text.length() || text.charAt(after) == '\n');
  }

  public static void main(String[] args) throws Exception {
    List<String> formulas = new ArrayList<>();
    List<Boolean> displays = new ArrayList<>();
    int notMath = 0;
    boolean kramdown = args.length > 0 && args[0].equals("--kramdown");
    for (String file : kramdown ? List.of(args).subList(1, args.length) : List.of(args)) {
      String text = FENCE.matcher(Files.readString(Path.of(file))).replaceAll("");
      Matcher display = DISPLAY.matcher(text);
      while (display.find()) {
        if (BLANK_LINE.matcher(display.group(1)).find()) {
          notMath++; // TeX has no blank line: Octavo's parser never pairs these dollars
          continue;
        }
        formulas.add(display.group(1).strip());
        displays.add(onItsOwnLine(text, display.start(), display.end()));
      }
      Matcher inline = INLINE.matcher(DISPLAY.matcher(text).replaceAll(" "));
      while (!kramdown && inline.find()) {
        formulas.add(inline.group(1));
        displays.add(false);
      }
    }
    try (MathTypesetter typesetter = MathTypesetter.create(1, Duration.ofSeconds(5), 256L << 20)) {
      Map<String, Integer> reasons = new TreeMap<>();
      int converted = 0;
      long start = System.nanoTime();
      for (int i = 0; i < formulas.size(); i++) {
        MathTypesetter.Typeset typeset = typesetter.typeset(formulas.get(i), displays.get(i));
        if (typeset.converted()) {
          converted++;
        } else {
          reasons.merge(typeset.error().replaceAll(" at position.*", ""), 1, Integer::sum);
        }
      }
      double cold = (System.nanoTime() - start) / 1e6;
      long warmStart = System.nanoTime();
      for (int i = 0; i < formulas.size(); i++) {
        typesetter.typeset(formulas.get(i), displays.get(i));
      }
      double warm = (System.nanoTime() - warmStart) / 1e6;
      MathTypesetter.Stats stats = typesetter.stats();
      System.out.printf("dollar pairs spanning a blank line (text, not math): %d%n", notMath);
      System.out.printf("formulas: %d (%d distinct), converted: %d (%.2f%%)%n", formulas.size(),
          stats.converted() + stats.unconverted(), converted, 100.0 * converted / Math.max(1, formulas.size()));
      System.out.printf("first pass: %.0f ms (%.0f formulas/s); second pass, all cached: %.1f ms (%.0f formulas/s)%n",
          cold, formulas.size() / (cold / 1000), warm, formulas.size() / (warm / 1000));
      reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
          .forEach(reason -> System.out.printf("  %4d  %s%n", reason.getValue(), reason.getKey()));
    }
  }
}
