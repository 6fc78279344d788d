package io.octavo.gateway.edge;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Cached bodies gzipped once, and whether a client takes gzip. */
final class Gzip {
  /** Below this a response fits in a packet or two anyway. */
  private static final int MIN_BYTES = 1024;

  private Gzip() {
  }

  /** The body gzipped, or null when it is not text big enough to be worth compressing. */
  static Buffer copyIfWorthIt(String contentType, Buffer body) {
    return worthIt(contentType, body) ? compress(body) : null;
  }

  private static boolean worthIt(String contentType, Buffer body) {
    return body.length() >= MIN_BYTES && (contentType.startsWith("text/") || contentType.contains("json")
        || contentType.contains("xml"));
  }

  private static Buffer compress(Buffer body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory cannot fail", e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  /** {@code Accept-Encoding} names gzip (or {@code *}) without {@code q=0}. */
  static boolean accepted(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].trim();
      if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
        for (int i = 1; i < pieces.length; i++) {
          String parameter = pieces[i].trim().replace(" ", "");
          if (parameter.startsWith("q=") && parameter.substring(2).matches("0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
