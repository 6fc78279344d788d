package io.octavo.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The response check catches each kind of drift between a server and its document. */
class OpenApiResponsesTest {
  private static final String DOCUMENT = """
      {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
       "paths": {
         "/things/{id}": {"get": {"operationId": "getThing", "responses": {
           "200": {"description": "ok", "headers": {"ETag": {"required": true, "schema": {"type": "string"}}},
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
           "404": {"$ref": "#/components/responses/404"}}}},
         "/sitemap-{n}.xml": {"get": {"operationId": "sitemapFile", "parameters": [
           {"name": "n", "in": "path", "required": true, "schema": {"type": "string"}}],
           "responses": {"200": {"description": "ok", "content": {"application/xml": {}}}}}}},
       "components": {
         "schemas": {"Thing": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
                     "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}},
         "responses": {"404": {"description": "nf", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}
      """;

  private final OpenApiResponses check = load();

  @Test
  void aDocumentedResponsePasses() {
    check.check("GET", "/things/7?x=1", 200, json().add("etag", "\"1\""), Buffer.buffer("{\"id\": 7}"));
    check.check("GET", "/things/7", 404, problem(), Buffer.buffer("{\"status\": 404}"));
    check.check("GET", "/sitemap-1.xml", 200, MultiMap.caseInsensitiveMultiMap().add("content-type", "application/xml; charset=utf-8"), Buffer.buffer("<urlset/>"));
    check.check("GET", "/nowhere", 404, problem(), Buffer.buffer("{\"status\": 404}"));
  }

  @Test
  void aStatusTheOperationDoesNotListFails() {
    assertThatThrownBy(() -> check.check("GET", "/things/7", 401, problem(), Buffer.buffer("{\"status\": 401}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("does not list");
  }

  @Test
  void aBodyTheSchemaRefusesFails() {
    assertThatThrownBy(() -> check.check("GET", "/things/7", 200, json().add("etag", "\"1\""), Buffer.buffer("{\"id\": \"seven\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("schema refuses");
  }

  @Test
  void aContentTypeTheDocumentDoesNotListFails() {
    assertThatThrownBy(() -> check.check("GET", "/sitemap-1.xml", 200, json(), Buffer.buffer("{}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Content-Type");
  }

  @Test
  void aMissingRequiredHeaderFails() {
    assertThatThrownBy(() -> check.check("GET", "/things/7", 200, json(), Buffer.buffer("{\"id\": 7}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ETag");
  }

  @Test
  void anUndocumentedMethodFails() {
    assertThatThrownBy(() -> check.check("DELETE", "/things/7", 204, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no delete");
  }

  private static MultiMap json() {
    return MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json");
  }

  private static MultiMap problem() {
    return MultiMap.caseInsensitiveMultiMap().add("content-type", "application/problem+json");
  }

  /** A fresh instance for this document, not the JVM-wide one the server tests share. */
  private static OpenApiResponses load() {
    return new OpenApiResponses(new JsonObject(DOCUMENT));
  }
}
