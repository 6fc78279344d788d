package io.octavo.render;

import io.octavo.common.ServiceFailure;
import io.octavo.common.config.Env;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the renderer accepts. commonmark-java is quadratic on some inputs (thousands of brackets or
 * emphasis delimiters in one paragraph), so {@link InlineComplexityGuard} refuses a paragraph with
 * more delimiters than any real prose has, with a 422, rather than hold a worker for seconds.
 *
 * @param maxSourceBytes the largest source accepted ({@code OCTAVO_MAX_SOURCE_BYTES}, 1 MiB): 413 above
 * @param maxDelimitersPerBlock brackets, emphasis marks and dollars in one paragraph, heading or cell
 * @param maxNesting how deep block quotes, lists and inline elements may nest
 */
public record RenderLimits(int maxSourceBytes, int maxDelimitersPerBlock, int maxNesting) {

  public static RenderLimits defaults() {
    return new RenderLimits(1024 * 1024, 10_000, 64);
  }

  public static RenderLimits fromEnv(Map<String, String> env) {
    RenderLimits defaults = defaults();
    return new RenderLimits(
        Env.integer(env, "OCTAVO_MAX_SOURCE_BYTES", defaults.maxSourceBytes()),
        Env.integer(env, "OCTAVO_MAX_DELIMITERS_PER_BLOCK", defaults.maxDelimitersPerBlock()),
        defaults.maxNesting());
  }

  void checkSize(String markdown) {
    if (markdown.length() <= maxSourceBytes / 3) {
      return; // UTF-8 takes at most 3 bytes per UTF-16 unit: no need to encode to know
    }
    if (markdown.length() > maxSourceBytes
        || markdown.getBytes(StandardCharsets.UTF_8).length > maxSourceBytes) {
      throw new ServiceFailure(ServiceFailure.PAYLOAD_TOO_LARGE,
          "the Markdown source is larger than " + maxSourceBytes + " bytes");
    }
  }
}
