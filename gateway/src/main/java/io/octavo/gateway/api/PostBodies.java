package io.octavo.gateway.api;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.PostInput;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a post from a request body: 415 for a body that is not JSON, 400 for JSON that does not
 * parse or is not an object, 422 for fields of the wrong type. Meaning (status names, slugs,
 * dates) is the posts-service's to judge.
 */
final class PostBodies {
  private PostBodies() {
  }

  static PostInput read(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("content-type");
    if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
      throw new ServiceFailure(415, "send the post as application/json");
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ServiceFailure.badRequest("the body is empty; send a JSON object with at least \"markdown\"");
    }
    if (!isUtf8(body.getBytes())) {
      throw ServiceFailure.badRequest("the body is not valid UTF-8");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ServiceFailure.badRequest("the body is not valid JSON");
    }
    if (!(parsed instanceof JsonObject json)) {
      throw ServiceFailure.badRequest("the body must be a JSON object");
    }
    checkTypes(json);
    checkNoNul(json);
    // CommonMark 2.3: U+0000 in a source is replaced by U+FFFD (PostgreSQL text could not store it anyway)
    json.put("markdown", json.getString("markdown").replace('\0', '\uFFFD'));
    return PostInput.fromJson(json);
  }

  /** JSON is UTF-8 (RFC 8259); a decoder that replaced bad bytes would store garbage silently. */
  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Fields other than the Markdown are names and dates: a NUL in one is a mistake, not content. */
  private static void checkNoNul(JsonObject json) {
    for (Map.Entry<String, Object> field : json) {
      Object value = field.getValue();
      boolean nul = value instanceof String text ? text.indexOf('\0') >= 0
          : value instanceof JsonArray array && array.stream().anyMatch(item -> item instanceof String text && text.indexOf('\0') >= 0);
      if (nul && !field.getKey().equals("markdown")) {
        throw ServiceFailure.unprocessable(field.getKey() + " must not contain a NUL character (U+0000)");
      }
    }
  }

  private static void checkTypes(JsonObject json) {
    for (Map.Entry<String, Object> field : json) {
      String name = field.getKey();
      Object value = field.getValue();
      if (value == null) {
        continue;
      }
      if (PostInput.STRING_FIELDS.contains(name) && !(value instanceof String)) {
        throw ServiceFailure.unprocessable(name + " must be a string");
      }
      if (name.equals("series_part") && !(value instanceof Integer)) {
        throw ServiceFailure.unprocessable("series_part must be a whole number");
      }
      if (name.equals("tags") && !(value instanceof JsonArray tags && tags.stream().allMatch(String.class::isInstance))) {
        throw ServiceFailure.unprocessable("tags must be an array of strings");
      }
    }
    if (!(json.getValue("markdown") instanceof String)) {
      throw ServiceFailure.unprocessable("markdown is required and must be a string");
    }
  }
}
