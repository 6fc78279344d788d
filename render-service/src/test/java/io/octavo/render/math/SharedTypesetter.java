package io.octavo.render.math;

import java.time.Duration;

/**
 * One typesetter for the test classes of this JVM: GraalJS interprets Temml, and its first few
 * hundred formulas run slowly while the interpreter learns the code, so the tests pay that once.
 */
final class SharedTypesetter {
  static final MathTypesetter INSTANCE = MathTypesetter.create(2, Duration.ofSeconds(20), 16 << 20);

  private SharedTypesetter() {
  }
}
