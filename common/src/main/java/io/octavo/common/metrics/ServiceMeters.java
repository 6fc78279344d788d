package io.octavo.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one verticle, all tagged with {@code service} and {@code verticle} so each can be
 * watched on its own, whether the three services share a process or not.
 */
public final class ServiceMeters {
  private final MeterRegistry registry;
  private final Tags tags;

  public ServiceMeters(MeterRegistry registry, String service, String verticle) {
    this.registry = registry;
    this.tags = Tags.of("service", service, "verticle", verticle);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public Timer timer(String name, String... extraTags) {
    return Timer.builder(name).tags(tags.and(extraTags))
        .publishPercentileHistogram()
        .register(registry);
  }

  public Counter counter(String name, String... extraTags) {
    return Counter.builder(name).tags(tags.and(extraTags)).register(registry);
  }

  public DistributionSummary summary(String name, String unit, String... extraTags) {
    return DistributionSummary.builder(name).baseUnit(unit).tags(tags.and(extraTags)).register(registry);
  }
}
