package io.octavo.common.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Holds every response a test receives to the OpenAPI document the server serves: the path and
 * method must be documented (or the answer is the router's own 404/405), the status listed for that
 * operation, the Content-Type among the documented ones, required headers present, and a JSON body
 * valid against its schema. Loaded once per JVM, then a check costs a regex scan and a schema run.
 *
 * <p>Schemas are validated by vertx-openapi (the OpenAPI 3.1 dialect). Its contract parser accepts
 * only a few media types and no path segment mixing text and a parameter, so it is given a view of
 * the document in which JSON-like types ({@code +json}) read as {@code application/json}, other
 * types carry no schema, servers and request bodies are left out (only responses are checked here) and a segment
 * such as {@code sitemap-{n}.xml} reads as {@code {n}}. Path, method, status and media type are
 * matched against the document itself.
 */
public final class OpenApiResponses {
  /**
   * What the router answers on its own, for any path: the document cannot list these per path (it
   * says them in {@code info.description}), nor the 301 of an imported site's old URL.
   */
  private static final String OUTSIDE = "routerAnswersOutsideTheDocument";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static volatile OpenApiResponses loaded;

  private final JsonObject document;
  private final OpenAPIContract contract;
  private final List<Route> routes;

  private record Route(Pattern pattern, String path, int parameters) {}

  OpenApiResponses(JsonObject document) { // package-private for OpenApiResponsesTest
    this.document = document;
    Vertx vertx = Vertx.vertx();
    try {
      this.contract = OpenAPIContract.from(vertx, validatorView(document)).await();
    } finally {
      vertx.close().await();
    }
    List<Route> list = new ArrayList<>();
    for (String path : document.getJsonObject("paths").fieldNames()) {
      String regex = Pattern.compile("\\{[^}]+}").splitAsStream(path).map(Pattern::quote)
          .reduce((a, b) -> a + "[^/]+" + b).orElse("") + (path.endsWith("}") ? "[^/]+" : "");
      list.add(new Route(Pattern.compile(regex), path, path.split("\\{", -1).length - 1));
    }
    list.sort(Comparator.comparingInt(Route::parameters)); // a literal path wins over a template
    this.routes = List.copyOf(list);
  }

  /** The document, fetched with {@code servedDocument} the first time any test in this JVM asks. */
  public static OpenApiResponses served(Supplier<JsonObject> servedDocument) {
    OpenApiResponses local = loaded;
    if (local == null) {
      synchronized (OpenApiResponses.class) {
        if (loaded == null) {
          loaded = new OpenApiResponses(servedDocument.get());
        }
        local = loaded;
      }
    }
    return local;
  }

  /** Throws an AssertionError saying where the response and the document disagree. */
  public void check(String method, String uri, int status, MultiMap headers, Buffer body) {
    String full = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    // Vert.x's router matches /docs/ to the route /docs: so does the check
    String path = full.length() > 1 && full.endsWith("/") ? full.substring(0, full.length() - 1) : full;
    String call = method + " " + uri + " answered " + status;
    String verb = method.toLowerCase(Locale.ROOT);
    if (verb.equals("options")) {
      return; // CORS preflight, answered by the CORS handler for any path
    }
    Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
    JsonObject item = route == null ? null : document.getJsonObject("paths").getJsonObject(route.path());
    JsonObject operation = item == null ? null
        : item.getJsonObject(verb, verb.equals("head") ? item.getJsonObject("get") : null);
    if (operation == null) {
      if (status == 301 && (verb.equals("get") || verb.equals("head")) && !path.startsWith("/api/")) {
        if (headers.get("location") == null) {
          throw new AssertionError(call + " without Location");
        }
        return; // an imported site's old URL, moved to its post's page
      }
      if (!Set.of(400, 404, 405, 414, 431).contains(status)) {
        throw new AssertionError(call + ", but the document has no " + (route == null ? "such path" : verb + " on " + route.path()));
      }
      if (status == 405 && headers.get("allow") == null) {
        throw new AssertionError(call + " without Allow");
      }
      checkBody(call, contract.operation(OUTSIDE).getResponse(status), headers, body, Set.of("application/problem+json", "text/html"));
      return;
    }
    JsonObject responses = operation.getJsonObject("responses");
    JsonObject response = resolve(responses.getJsonObject(String.valueOf(status), responses.getJsonObject("default")));
    if (response == null) {
      throw new AssertionError(call + ", which the document does not list for " + method + " " + route.path()
          + " (it lists " + responses.fieldNames() + ")");
    }
    for (Map.Entry<String, Object> header : response.getJsonObject("headers", new JsonObject())) {
      JsonObject declared = resolve((JsonObject) header.getValue());
      if (declared.getBoolean("required", false) && headers.get(header.getKey()) == null) {
        throw new AssertionError(call + " without the " + header.getKey() + " header the document requires");
      }
    }
    if (verb.equals("head") || status == 204 || status == 304) {
      return;
    }
    Operation validated = contract.operation(operation.getString("operationId"));
    Response expected = validated.getResponse(status) != null ? validated.getResponse(status) : validated.getDefaultResponse();
    checkBody(call, expected, headers, body, response.getJsonObject("content", new JsonObject()).fieldNames());
  }

  private void checkBody(String call, Response expected, MultiMap headers, Buffer body, Set<String> documented) {
    if (body == null || body.length() == 0) {
      return;
    }
    String type = baseType(headers.get("content-type"));
    boolean listed = documented.stream().map(OpenApiResponses::baseType).anyMatch(d -> d.equals(type)
        || d.equals("*/*") || (d.endsWith("/*") && type.startsWith(d.substring(0, d.length() - 1))));
    if (!listed) {
      throw new AssertionError(call + " with Content-Type " + headers.get("content-type")
          + ", but the document says " + documented);
    }
    MediaType json = expected.getContent().get(MediaType.APPLICATION_JSON);
    if (!isJson(type) || json == null || json.getSchema() == null) {
      return;
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new AssertionError(call + " with a body that is not JSON: " + e.getMessage());
    }
    OutputUnit result = contract.getSchemaRepository().validator(json.getSchema()).validate(value);
    try {
      result.checkValidity();
    } catch (JsonSchemaValidationException e) {
      throw new AssertionError(call + " with a body the document's schema refuses: " + e.getMessage()
          + " at " + e.location() + "\n  errors: " + result.getErrors() + "\n  body: " + abbreviate(body.toString()));
    }
  }

  private JsonObject resolve(JsonObject node) {
    if (node == null || !node.containsKey("$ref")) {
      return node;
    }
    JsonObject target = document;
    for (String part : node.getString("$ref").substring(2).split("/")) {
      target = target.getJsonObject(part.replace("~1", "/").replace("~0", "~"));
    }
    return target;
  }

  /** The document as vertx-openapi's contract parser can take it (see the class comment). */
  private static JsonObject validatorView(JsonObject document) {
    JsonObject view = document.copy();
    view.remove("servers"); // a relative URL such as "/" is valid OpenAPI, but the parser wants absolute ones
    JsonObject paths = new JsonObject();
    for (Map.Entry<String, Object> entry : view.getJsonObject("paths")) {
      JsonObject item = (JsonObject) entry.getValue();
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          JsonObject operation = item.getJsonObject(method);
          operation.remove("requestBody");
          operation.getJsonObject("responses").forEach(r -> jsonOnly((JsonObject) r.getValue()));
        }
      }
      String key = entry.getKey().replaceAll("[^/{}]*(\\{[^}]+})[^/{}]*", "$1");
      paths.put(key, item);
    }
    JsonObject problem = new JsonObject().put("description", "the router's own answer")
        .put("content", new JsonObject().put(MediaType.APPLICATION_JSON,
            new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
    JsonObject outside = new JsonObject();
    for (String status : List.of("400", "404", "405", "414", "431")) {
      outside.put(status, problem.copy());
    }
    paths.put("/" + OUTSIDE, new JsonObject().put("get", new JsonObject().put("operationId", OUTSIDE).put("responses", outside)));
    view.put("paths", paths);
    JsonObject components = view.getJsonObject("components", new JsonObject());
    components.remove("requestBodies");
    components.getJsonObject("responses", new JsonObject()).forEach(r -> jsonOnly((JsonObject) r.getValue()));
    return view;
  }

  private static void jsonOnly(JsonObject response) {
    JsonObject content = response.getJsonObject("content");
    if (content == null) {
      return;
    }
    JsonObject kept = new JsonObject();
    content.forEach(media -> {
      if (isJson(baseType(media.getKey()))) {
        kept.put(MediaType.APPLICATION_JSON, media.getValue());
      }
    });
    response.put("content", kept);
  }

  private static boolean isJson(String type) {
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
  }
}
