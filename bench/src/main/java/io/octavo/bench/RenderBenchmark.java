package io.octavo.bench;

import io.octavo.render.MarkdownRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The full render pipeline (extensions, math, excerpt, table of contents, word count, sanitiser)
 * against bare commonmark-java (core parser and renderer, defaults) on the same corpus of
 * technical posts. One operation renders the whole corpus; MB/s = ops/s x corpus size, printed at
 * set-up. Report the ratio full/bare from one run: the machine's noise cancels out.
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

  @Setup
  public void load() {
    long bytes = 0;
    for (String name : CORPUS) {
      try (InputStream in = RenderBenchmark.class.getResourceAsStream("/corpus/" + name)) {
        String post = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        posts.add(post);
        bytes += post.getBytes(StandardCharsets.UTF_8).length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    pipeline = MarkdownRenderer.create();
    System.out.printf("%ncorpus: %d posts, %d bytes (MB/s = ops/s x %.4f)%n", posts.size(), bytes, bytes / 1e6);
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
