package io.octavo.common;

import io.vertx.core.eventbus.ReplyException;

/**
 * A failure a service reports on purpose, with an HTTP-like code that travels over the event bus
 * as the {@link ReplyException} failure code and becomes the HTTP status at the gateway.
 */
public final class ServiceFailure extends RuntimeException {
  /**
   * How {@code posts.get} told a gateway of the previous release that a post moved (the message is
   * the new slug); still sent to a gateway that does not ask for {@code PostLookup.Moved}. Goes with
   * {@code PostRequests.Get#acceptsMoved} in the next release.
   */
  public static final int MOVED_PERMANENTLY = 301;
  public static final int BAD_REQUEST = 400;
  public static final int NOT_FOUND = 404;
  public static final int CONFLICT = 409;
  public static final int PRECONDITION_FAILED = 412;
  public static final int PAYLOAD_TOO_LARGE = 413;
  public static final int UNPROCESSABLE = 422;
  public static final int INTERNAL = 500;
  public static final int UNAVAILABLE = 503;
  public static final int TIMEOUT = 504;

  private final int code;

  public ServiceFailure(int code, String message) {
    super(message, null, false, false); // expected outcomes: no stack trace to fill or leak
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static ServiceFailure badRequest(String message) {
    return new ServiceFailure(BAD_REQUEST, message);
  }

  public static ServiceFailure notFound(String message) {
    return new ServiceFailure(NOT_FOUND, message);
  }

  public static ServiceFailure conflict(String message) {
    return new ServiceFailure(CONFLICT, message);
  }

  public static ServiceFailure preconditionFailed(String message) {
    return new ServiceFailure(PRECONDITION_FAILED, message);
  }

  public static ServiceFailure unprocessable(String message) {
    return new ServiceFailure(UNPROCESSABLE, message);
  }

  /** The code to fail a message with, or the status to answer with, for any throwable. */
  public static int codeOf(Throwable error) {
    if (error instanceof ServiceFailure failure) {
      return failure.code();
    }
    if (error instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case NO_HANDLERS -> UNAVAILABLE;
        case TIMEOUT -> TIMEOUT;
        default -> reply.failureCode() >= 400 && reply.failureCode() < 600 ? reply.failureCode() : INTERNAL;
      };
    }
    return INTERNAL;
  }

  /** The text safe to show a client: ours as written, anything unexpected as a generic line. */
  public static String messageOf(Throwable error) {
    int code = codeOf(error);
    if (error instanceof ServiceFailure || (error instanceof ReplyException && code < 500)) {
      return error.getMessage();
    }
    return switch (code) {
      case UNAVAILABLE -> "A service this request needs is not running; try again shortly.";
      case TIMEOUT -> "A service this request needs did not answer in time; try again shortly.";
      default -> "An unexpected error occurred; it has been logged.";
    };
  }
}
