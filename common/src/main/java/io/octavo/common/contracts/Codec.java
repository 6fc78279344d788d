package io.octavo.common.contracts;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * How one message type crosses the event bus: to and from the {@link JsonObject} that travels
 * (JSON works clustered without custom codecs, and the wire stays readable).
 */
public interface Codec<T> {
  /** No body: a request that needs no parameters, or a reply that only says "done". */
  Codec<Void> NONE = of(json -> null, nothing -> new JsonObject());

  T decode(JsonObject json);

  /** A message's body as it arrives: a message sent without one (null) reads as an empty object. */
  default T decodeBody(JsonObject body) {
    return decode(body == null ? new JsonObject() : body);
  }

  JsonObject encode(T value);

  static <T> Codec<T> of(Function<JsonObject, T> decode, Function<T, JsonObject> encode) {
    return new Codec<>() {
      @Override
      public T decode(JsonObject json) {
        return decode.apply(json);
      }

      @Override
      public JsonObject encode(T value) {
        return encode.apply(value);
      }
    };
  }
}
