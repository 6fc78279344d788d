package io.octavo.posts.imports;

/**
 * Turns a post body written for its engine into Octavo's Markdown (pandoc's math dialect, no
 * template syntax): template tags first (they produced Markdown at build time), then kramdown
 * attributes, then the dialect's math.
 */
public final class SourceConverter {
  private SourceConverter() {
  }

  public static String convert(String body, Dialect dialect, Site site, Conversion conversion) {
    String text = TemplateTags.convert(body, conversion);
    return switch (dialect) {
      case KRAMDOWN -> KramdownMath.convert(InlineHtmlLines.keepInline(KramdownAttributes.strip(text, true,
          conversion.warnings())), conversion.warnings());
      case GOLDMARK -> GoldmarkMath.convert(KramdownAttributes.strip(text, false, conversion.warnings()),
          conversion.warnings(), site.passthrough(), site.typographer());
      case PANDOC -> InlineHtmlLines.keepInline(text);
    };
  }
}
