package io.octavo.posts.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Smaller copies of a large PNG or JPEG, 640 and 1280 px wide, in the original's format, for a
 * page's {@code srcset}. Blocking and CPU-bound: run on a worker. The original is decoded once,
 * subsampled while reading so a large photo never needs its full-size raster in memory.
 */
final class ImageVariants {
  static final int[] WIDTHS = {640, 1280};
  /** Larger images are left alone rather than risk the heap (a 40 Mpx raster is 160 MB). */
  private static final long MAX_PIXELS = 40_000_000L;
  private static final float JPEG_QUALITY = 0.85f;

  record Variant(int width, int height, String contentType, byte[] bytes) {
  }

  private ImageVariants() {
  }

  /** Whether an item of this type and size gets variants at all. */
  static boolean wanted(String contentType, Integer width, Integer height) {
    return ("image/png".equals(contentType) || "image/jpeg".equals(contentType))
        && width != null && height != null && width > WIDTHS[0] && (long) width * height <= MAX_PIXELS;
  }

  static List<Variant> make(InputStream original, String contentType, int width) throws IOException {
    BufferedImage source = decode(original, Math.max(1, width / (2 * WIDTHS[WIDTHS.length - 1])));
    List<Variant> variants = new ArrayList<>();
    if (source == null) {
      return variants;
    }
    for (int target : WIDTHS) {
      if (target < width) {
        BufferedImage scaled = scale(source, target, "image/jpeg".equals(contentType));
        variants.add(new Variant(scaled.getWidth(), scaled.getHeight(), contentType, encode(scaled, contentType)));
      }
    }
    return variants;
  }

  private static BufferedImage decode(InputStream original, int subsampling) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(original)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Halves with bilinear filtering until close, then one last step: cheap and without aliasing. */
  private static BufferedImage scale(BufferedImage source, int targetWidth, boolean opaque) {
    int targetHeight = Math.max(1, Math.round((float) source.getHeight() * targetWidth / source.getWidth()));
    BufferedImage current = source;
    int w = source.getWidth();
    int h = source.getHeight();
    int type = opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
    do {
      w = Math.max(targetWidth, w / 2);
      h = Math.max(targetHeight, h / 2);
      BufferedImage next = new BufferedImage(w, h, type);
      Graphics2D g = next.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(current, 0, 0, w, h, null);
      g.dispose();
      current = next;
    } while (w > targetWidth || h > targetHeight);
    return current;
  }

  private static byte[] encode(BufferedImage image, String contentType) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if ("image/png".equals(contentType)) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
