package io.octavo.render.math;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.LongAdder;

/**
 * TeX to safe MathML, once per distinct formula: Temml converts, {@link MathMlPolicy} cleans,
 * and the result (or the reason it failed) is cached under a hash of the TeX, bounded in bytes.
 * A blog repeats many formulas, and a re-render after a renderer upgrade finds them all here.
 * Thread-safe; conversion runs on the caller's thread (the render-service's worker pool).
 */
public final class MathTypesetter implements AutoCloseable {
  private static final List<String> WARM_UP = List.of(
      "e^{i\\pi} + 1 = 0", "\\frac{a}{b} + \\sqrt{x^2 + y^2}", "\\sum_{i=1}^n i = \\frac{n(n+1)}{2}",
      "\\int_0^\\infty e^{-x^2}\\,dx", "\\mathbb{E}_{x \\sim p}\\left[\\log p(x)\\right]",
      "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "\\begin{aligned} f(x) &= x^2 \\\\ &= y \\end{aligned}",
      "\\mathbf{x}^\\top W \\hat{y}_{t+1}", "\\text{if } x \\le 0", "\\alpha \\beta \\gamma \\nabla_\\theta J(\\theta)");

  /** 100 conversions: about 5 s of one core, after which a formula takes ~20 ms instead of ~140 ms. */
  private static final int WARM_UP_ROUNDS = 10;
  private static final Pattern ANNOTATION =
      Pattern.compile("<annotation encoding=\"application/x-tex\">.*?</annotation>", Pattern.DOTALL);

  private final TemmlEngine engine;
  private final Cache<String, Typeset> cache;
  private final LongAdder converted = new LongAdder();
  private final LongAdder unconverted = new LongAdder();

  private MathTypesetter(TemmlEngine engine, long cacheBytes) {
    this.engine = engine;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(cacheBytes)
        .weigher((String key, Typeset value) -> 64 + 2 * (key.length() + value.size()))
        .recordStats()
        .build();
  }

  /**
   * @param workers how many formulas may convert at once (one JavaScript context each)
   * @param limit the time one formula may take before it counts as not converted
   * @param cacheBytes the cache's bound, in bytes of MathML and keys
   */
  public static MathTypesetter create(int workers, Duration limit, long cacheBytes) {
    return new MathTypesetter(new TemmlEngine(workers, limit), cacheBytes);
  }

  /** Sized for the render-service: a context per core, 2 s a formula, 32 MiB of cache. */
  public static MathTypesetter create() {
    return create(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2), 32L << 20);
  }

  /** The MathML for a formula, or why there is none. */
  public Typeset typeset(String tex, boolean display) {
    String key = key(tex, display);
    Typeset cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Typeset made;
    try {
      made = Typeset.of(convert(tex, display));
      converted.increment();
    } catch (MathConversionException e) {
      made = Typeset.failed(e.getMessage());
      unconverted.increment();
    }
    if (!made.timedOut()) {
      cache.put(key, made); // a timeout may be the machine's load, not the formula: try again next time
    }
    return made;
  }

  /**
   * Temml's MathML for the TeX as written, else for the TeX with the forms MathJax accepts and
   * Temml refuses rewritten ({@link MathJaxForms}); the annotation always carries the TeX as written.
   */
  private String convert(String tex, boolean display) {
    try {
      return MathMlPolicy.clean(engine.toMathMl(tex, display));
    } catch (MathConversionException refused) {
      String relaxed = MathJaxForms.relax(tex);
      if (relaxed.equals(tex) || refused.getMessage().startsWith(TemmlEngine.TIMED_OUT)) {
        throw refused;
      }
      try {
        String mathml = MathMlPolicy.clean(engine.toMathMl(relaxed, display));
        return ANNOTATION.matcher(mathml).replaceFirst(Matcher.quoteReplacement(annotation(tex)));
      } catch (MathConversionException stillRefused) {
        throw refused; // the reason for the TeX as written
      }
    }
  }

  private static String annotation(String tex) {
    return "<annotation encoding=\"application/x-tex\">"
        + tex.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</annotation>";
  }

  /**
   * Runs a few formulas through the engine, uncached and uncounted: GraalJS interprets Temml, and
   * the JVM compiles the interpreter as it runs, so the first formulas after a start are ~50x slower
   * than later ones. Called once on a worker thread at start, so the first post a writer saves
   * does not pay for it (nor time out).
   */
  public void warmUp() {
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      for (String tex : WARM_UP) {
        try {
          engine.toMathMl(tex, round % 2 == 1);
        } catch (MathConversionException e) {
          // a slow machine may time out here: the engine recovers, and warming up is best effort
        }
      }
    }
  }

  /** Exports conversions, failures and the cache's hits and size as Micrometer meters. */
  public void bindTo(MeterRegistry registry, Tags tags) {
    String description = "formulas run through the TeX engine (cache hits not counted): converted to MathML, "
        + "or unconverted (they stay TeX and their pages load MathJax)";
    FunctionCounter.builder("octavo.render.math.formulas", converted, LongAdder::sum)
        .description(description).tags(tags.and("result", "converted")).register(registry);
    FunctionCounter.builder("octavo.render.math.formulas", unconverted, LongAdder::sum)
        .description(description).tags(tags.and("result", "unconverted")).register(registry);
    CaffeineCacheMetrics.monitor(registry, cache, "octavo.math", tags);
  }

  /** Hits, misses and conversions so far: for benchmarks and tests. */
  public Stats stats() {
    var stats = cache.stats();
    return new Stats(stats.hitCount(), stats.missCount(), converted.sum(), unconverted.sum());
  }

  @Override
  public void close() {
    engine.close();
  }

  private static String key(String tex, boolean display) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((byte) (display ? 'd' : 'i'));
      return Base64.getEncoder().withoutPadding().encodeToString(sha.digest(tex.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Either MathML or the reason there is none. */
  public record Typeset(String mathml, String error) {
    static Typeset of(String mathml) {
      return new Typeset(mathml, null);
    }

    static Typeset failed(String error) {
      return new Typeset(null, error);
    }

    public boolean converted() {
      return mathml != null;
    }

    boolean timedOut() {
      return error != null && error.startsWith(TemmlEngine.TIMED_OUT);
    }

    int size() {
      return converted() ? mathml.length() : error.length();
    }
  }

  public record Stats(long hits, long misses, long converted, long unconverted) {
    public double hitRatio() {
      return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
    }
  }
}
