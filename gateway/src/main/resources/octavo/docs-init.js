// Swagger UI on Octavo's own OpenAPI document (a file, not inline: the page's CSP allows no inline script).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
