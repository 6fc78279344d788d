package io.octavo.common.contracts;

import io.vertx.core.json.JsonObject;

/** Reply of a service's {@code *.health} address; the render-service adds the version of its output. */
public record Health(String status, Integer rendererVersion) {
  public static final String UP = "UP";

  public static Health up() {
    return new Health(UP, null);
  }

  public static Health fromJson(JsonObject json) {
    return new Health(json.getString("status"), json.getInteger("renderer_version"));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("status", status);
    return rendererVersion == null ? json : json.put("renderer_version", rendererVersion);
  }
}
