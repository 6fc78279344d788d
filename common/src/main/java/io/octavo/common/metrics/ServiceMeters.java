package io.octavo.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one verticle, all tagged with {@code service} and {@code verticle} so each can be
 * watched on its own, whether the three services share a process or not. Meters are looked up once
 * and kept: callers ask for them on every message and every query, and a registry lookup builds
 * tags and ids each time.
 */
public final class ServiceMeters {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<List<String>, Meter> meters = new ConcurrentHashMap<>();

  public ServiceMeters(MeterRegistry registry, String service, String verticle) {
    this.registry = registry;
    this.tags = Tags.of("service", service, "verticle", verticle);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public Timer timer(String name, String... extraTags) {
    return (Timer) meters.computeIfAbsent(key("timer", name, extraTags), key -> Timer.builder(name)
        .tags(tags.and(extraTags))
        .publishPercentileHistogram()
        .register(registry));
  }

  public Counter counter(String name, String... extraTags) {
    return (Counter) meters.computeIfAbsent(key("counter", name, extraTags),
        key -> Counter.builder(name).tags(tags.and(extraTags)).register(registry));
  }

  public DistributionSummary summary(String name, String unit, String... extraTags) {
    return (DistributionSummary) meters.computeIfAbsent(key("summary", name, extraTags),
        key -> DistributionSummary.builder(name).baseUnit(unit).tags(tags.and(extraTags)).register(registry));
  }

  /** A value read when scraped, such as a cache's size; {@code state} must stay reachable. */
  public <T> void gauge(String name, T state, ToDoubleFunction<T> value) {
    Gauge.builder(name, state, value).tags(tags).strongReference(true).register(registry);
  }

  /** A count kept elsewhere (a field that only grows), read when scraped. */
  public <T> void functionCounter(String name, T state, ToDoubleFunction<T> count) {
    FunctionCounter.builder(name, state, count).tags(tags).register(registry);
  }

  private static List<String> key(String kind, String name, String... extraTags) {
    List<String> key = new ArrayList<>(extraTags.length + 2);
    key.add(kind);
    key.add(name);
    key.addAll(Arrays.asList(extraTags));
    return key;
  }
}
