package io.octavo.gateway.edge;

import io.octavo.common.ServiceFailure;

/** Query parameters shared by the list endpoints. */
public final class QueryParams {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  /** Longer than any cursor the posts-service makes: such a string never goes on the bus. */
  static final int MAX_CURSOR = 200;

  private QueryParams() {
  }

  public static int limit(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // the same answer as an out-of-range number
    }
    throw ServiceFailure.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
  }

  /** The {@code cursor} a client sent back (null for a first page); 400 with {@code refusal} if it is none we made. */
  public static String cursor(String text, String refusal) {
    if (text != null && text.length() > MAX_CURSOR) {
      throw ServiceFailure.badRequest(refusal);
    }
    return text;
  }

  /** A positive whole number from the path, such as a revision number; 404 when it is not one. */
  public static long pathNumber(String text, String what) {
    try {
      long number = Long.parseLong(text);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ServiceFailure.notFound("no " + what + " '" + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
  }
}
