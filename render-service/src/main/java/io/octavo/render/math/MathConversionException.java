package io.octavo.render.math;

/** A formula the TeX engine could not turn into MathML; the message says why, for the post's warnings. */
final class MathConversionException extends RuntimeException {
  MathConversionException(String message) {
    super(message, null, false, false); // an expected outcome: no stack trace to fill
  }
}
