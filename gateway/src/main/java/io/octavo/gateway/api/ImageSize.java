package io.octavo.gateway.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's width and height from the start of its file (the first chunk of an upload), without
 * decoding pixels: ImageIO's readers (with TwelveMonkeys for WebP) read only the header for this;
 * AVIF's {@code ispe} box and an SVG's root attributes are read here. Null when not known.
 */
record ImageSize(int width, int height) {
  private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
  private static final Pattern VIEW_BOX = Pattern.compile(
      "\\bviewBox\\s*=\\s*[\"']\\s*[-\\d.]+[\\s,]+[-\\d.]+[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)\\s*[\"']");

  static {
    ImageIO.setUseCache(false); // header reads from memory: no temporary files
  }

  static ImageSize of(MediaTypes type, byte[] head) {
    try {
      return switch (type) {
        case PNG, JPEG, GIF, WEBP -> raster(head);
        case AVIF -> avif(head);
        case SVG -> svg(new String(head, StandardCharsets.UTF_8));
        default -> null;
      };
    } catch (IOException | RuntimeException e) {
      return null; // a header that does not parse: the file is still stored, without a size
    }
  }

  private static ImageSize raster(byte[] head) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(head))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return positive(reader.getWidth(0), reader.getHeight(0));
      } finally {
        reader.dispose();
      }
    }
  }

  /** The first {@code ispe} (image spatial extents) property: 4 bytes of flags, then width, height. */
  private static ImageSize avif(byte[] head) {
    for (int at = 4; at + 16 <= head.length; at++) {
      if (head[at] == 'i' && head[at + 1] == 's' && head[at + 2] == 'p' && head[at + 3] == 'e') {
        return positive(int32(head, at + 8), int32(head, at + 12));
      }
    }
    return null;
  }

  private static ImageSize svg(String text) {
    Matcher root = SVG_ROOT.matcher(text);
    if (!root.find()) {
      return null;
    }
    String tag = root.group();
    Integer width = length(tag, "width");
    Integer height = length(tag, "height");
    if (width != null && height != null) {
      return positive(width, height);
    }
    Matcher box = VIEW_BOX.matcher(tag);
    return box.find() ? positive((int) Math.round(Double.parseDouble(box.group(1))),
        (int) Math.round(Double.parseDouble(box.group(2)))) : null;
  }

  /** A width or height in pixels (plain or px); percentages and other units say nothing. */
  private static Integer length(String tag, String attribute) {
    Matcher m = Pattern.compile("\\s" + attribute + "\\s*=\\s*[\"']\\s*([\\d.]+)\\s*(px)?\\s*[\"']").matcher(tag);
    return m.find() ? (int) Math.round(Double.parseDouble(m.group(1))) : null;
  }

  private static int int32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  private static ImageSize positive(int width, int height) {
    return width > 0 && height > 0 ? new ImageSize(width, height) : null;
  }
}
