package io.octavo.bench;

import io.octavo.render.MarkdownRenderer;
import io.octavo.render.RenderLimits;
import io.octavo.render.math.MathTypesetter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The full render pipeline (extensions, math, excerpt, table of contents, word count, sanitiser)
 * against bare commonmark-java (core parser and renderer, defaults) on the same corpus of
 * technical posts. One operation renders the whole corpus; MB/s = ops/s x corpus size, printed at
 * set-up. Report the ratio full/bare from one run: the machine's noise cancels out.
 *
 * <p>The {@code mathHeavy*} benchmarks render one post with 40 formulas ({@code math-heavy.md}):
 * TeX spans only, with MathML from a warm cache (a re-render: every formula a cache hit), and
 * with MathML converted every time (a cache of zero bytes: what a post never seen before costs
 * once the JavaScript engine is warm). formulas/s = ops/s x 40.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
  private static final String[] CORPUS = {"math-notes.md", "code-tour.md", "data-tables.md", "long-essay.md"};

  private final List<String> posts = new ArrayList<>();
  private MarkdownRenderer pipeline;
  private String mathHeavy;
  private MathTypesetter cached;
  private MathTypesetter uncached;
  private MarkdownRenderer withMathMl;
  private MarkdownRenderer withMathMlUncached;

  @Setup
  public void load() {
    long bytes = 0;
    for (String name : CORPUS) {
      String post = read(name);
      posts.add(post);
      bytes += post.getBytes(StandardCharsets.UTF_8).length;
    }
    pipeline = MarkdownRenderer.create();
    mathHeavy = read("math-heavy.md");
    cached = MathTypesetter.create(1, Duration.ofSeconds(30), 32L << 20);
    uncached = MathTypesetter.create(1, Duration.ofSeconds(30), 0);
    withMathMl = MarkdownRenderer.create(RenderLimits.defaults(), cached);
    withMathMlUncached = MarkdownRenderer.create(RenderLimits.defaults(), uncached);
    System.out.printf("%ncorpus: %d posts, %d bytes (MB/s = ops/s x %.4f)%n", posts.size(), bytes, bytes / 1e6);
  }

  @TearDown
  public void report() {
    MathTypesetter.Stats stats = cached.stats();
    System.out.printf("%nmath cache: %d hits, %d misses, hit ratio %.4f%n", stats.hits(), stats.misses(), stats.hitRatio());
    cached.close();
    uncached.close();
  }

  private static String read(String name) {
    try (InputStream in = RenderBenchmark.class.getResourceAsStream("/corpus/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public Object mathHeavyTexOnly() {
    return pipeline.render(mathHeavy);
  }

  @Benchmark
  public Object mathHeavyMathMlCached() {
    return withMathMl.render(mathHeavy);
  }

  @Benchmark
  public Object mathHeavyMathMlUncached() {
    return withMathMlUncached.render(mathHeavy);
  }

  @Benchmark
  public void bareCommonmark(Blackhole sink) {
    for (String post : posts) {
      sink.consume(MarkdownRenderer.renderBare(post));
    }
  }

  @Benchmark
  public void fullPipeline(Blackhole sink) {
    for (String post : posts) {
      sink.consume(pipeline.render(post));
    }
  }
}
