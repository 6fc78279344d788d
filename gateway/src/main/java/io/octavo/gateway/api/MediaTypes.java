package io.octavo.gateway.api;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides a file's type from its first bytes, never from its name: a name or a declared type
 * that disagrees with the bytes is refused, so nothing is served as something it is not.
 */
enum MediaTypes {
  PNG("image/png", List.of("png")),
  JPEG("image/jpeg", List.of("jpg", "jpeg", "jpe", "jfif")),
  GIF("image/gif", List.of("gif")),
  WEBP("image/webp", List.of("webp")),
  AVIF("image/avif", List.of("avif")),
  SVG("image/svg+xml", List.of("svg")),
  PDF("application/pdf", List.of("pdf")),
  MP4("video/mp4", List.of("mp4", "m4v"));

  /** Enough of the start of a file to decide (an SVG may open with a long comment or doctype). */
  static final int SNIFF_BYTES = 4096;
  private static final Pattern SVG_START = Pattern.compile(
      "^\\uFEFF?\\s*(<\\?xml[^>]*\\?>\\s*)?((<!--.*?-->|<!DOCTYPE\\s+svg[^>]*>)\\s*)*<svg[\\s>]", Pattern.DOTALL);

  final String contentType;
  final List<String> extensions;

  MediaTypes(String contentType, List<String> extensions) {
    this.contentType = contentType;
    this.extensions = extensions;
  }

  private boolean isRasterImage() {
    return this == PNG || this == JPEG || this == GIF || this == WEBP || this == AVIF;
  }

  /** Whether {@link ImageSize} can read a width and height from the file's first chunk. */
  boolean hasSize() {
    return isRasterImage() || this == SVG;
  }

  /** The type of a file that starts with {@code head}, or null when it is none Octavo serves. */
  static MediaTypes sniff(Buffer head) {
    byte[] b = head.getBytes(0, Math.min(head.length(), SNIFF_BYTES));
    if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (starts(b, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return GIF;
    }
    if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
      return WEBP;
    }
    if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
      return PDF;
    }
    if (starts(b, 4, 'f', 't', 'y', 'p')) {
      return isoBrand(b);
    }
    String text = new String(b, StandardCharsets.UTF_8);
    return SVG_START.matcher(text).find() ? SVG : null;
  }

  /** ISO base media files: the major brand and the compatible brands say AVIF or MP4. */
  private static MediaTypes isoBrand(byte[] b) {
    int boxSize = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    int end = Math.min(b.length, Math.max(16, boxSize));
    boolean mp4 = false;
    for (int at = 8; at + 4 <= end; at += 4) {
      if (at == 12) {
        continue; // the minor version, not a brand
      }
      String brand = new String(b, at, 4, StandardCharsets.ISO_8859_1);
      if (brand.equals("avif") || brand.equals("avis")) {
        return AVIF;
      }
      if (brand.startsWith("mp4") || brand.equals("isom") || brand.equals("iso2") || brand.equals("avc1")
          || brand.equals("M4V ")) {
        mp4 = true;
      }
    }
    return mp4 ? MP4 : null;
  }

  /** The type a client declared, or null for none or one that says nothing (octet-stream). */
  static String declared(String contentType) {
    if (contentType == null) {
      return null;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.isEmpty() || type.equals("application/octet-stream") ? null
        : type.equals("image/jpg") || type.equals("image/pjpeg") ? "image/jpeg" : type;
  }

  /** Null when the name and declared type agree with the bytes; otherwise why not. */
  String disagreement(String name, String declaredType) {
    String type = declared(declaredType);
    if (type != null && !type.equals(contentType)) {
      return "the file's bytes are " + contentType + ", not the declared " + type;
    }
    int dot = name == null ? -1 : name.lastIndexOf('.');
    if (dot >= 0) {
      String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!extensions.contains(extension)) {
        return "the file's bytes are " + contentType + ", which a ." + extension + " name does not match";
      }
    }
    return null;
  }

  /** A URL-safe name: letters, digits, dot, dash, underscore; the type's extension at the end. */
  String safeName(String name) {
    String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String safe = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    int dot = safe.lastIndexOf('.');
    String stem = dot > 0 ? safe.substring(0, dot) : safe;
    if (stem.isEmpty()) {
      stem = "file";
    }
    if (stem.length() > 100) {
      stem = stem.substring(0, 100);
    }
    String extension = dot > 0 ? safe.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    return stem + "." + (extensions.contains(extension) ? extension : extensions.get(0));
  }

  private static boolean starts(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
