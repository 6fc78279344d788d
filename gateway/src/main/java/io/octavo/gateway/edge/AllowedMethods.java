package io.octavo.gateway.edge;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Allow} header of a 405 (RFC 9110 15.5.6 says it must be there): the methods the
 * router's routes accept at the request's path. Read from the router once all routes are in, so
 * it never disagrees with them; routes without methods (filters such as CORS) are not counted.
 */
public final class AllowedMethods {
  private static final List<HttpMethod> ORDER = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
      HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS);

  /** As vert.x web names them. */
  private static final Pattern PARAMETER = Pattern.compile(":[A-Za-z0-9_]+");

  private record Entry(Pattern path, Set<HttpMethod> methods) {
  }

  private final List<Entry> entries;

  private AllowedMethods(List<Entry> entries) {
    this.entries = entries;
  }

  public static AllowedMethods of(Router router) {
    List<Entry> entries = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      Set<HttpMethod> methods = route.methods();
      if (methods == null || methods.isEmpty() || route.getPath() == null) { // getPath() is null for pathRegex routes
        continue;
      }
      entries.add(new Entry(pattern(route.getPath(), route.isExactPath()), Set.copyOf(methods)));
    }
    return new AllowedMethods(List.copyOf(entries));
  }

  /** Error handler for 405: adds {@code Allow}, then the problem document as for any error. */
  public void handle405(RoutingContext ctx) {
    String allow = allowedAt(ctx.request().path());
    if (!allow.isEmpty()) {
      ctx.response().putHeader("allow", allow);
    }
    Problems.handle(ctx);
  }

  String allowedAt(String path) {
    Set<HttpMethod> allowed = new LinkedHashSet<>();
    for (Entry entry : entries) {
      if (path != null && entry.path().matcher(path).matches()) {
        allowed.addAll(entry.methods());
      }
    }
    if (allowed.contains(HttpMethod.GET)) {
      allowed.add(HttpMethod.HEAD); // every GET route answers HEAD (HeadRequests)
    }
    return String.join(", ", ORDER.stream().filter(allowed::contains).map(HttpMethod::name).toList());
  }

  /** {@code /api/posts/:slug} or {@code /sitemap-:n.xml} as a regex: a parameter is within one path segment. */
  private static Pattern pattern(String path, boolean exact) {
    StringBuilder regex = new StringBuilder();
    Matcher parameter = PARAMETER.matcher(path);
    int from = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(path.substring(from, parameter.start()))).append("[^/]+");
      from = parameter.end();
    }
    regex.append(Pattern.quote(path.substring(from)));
    return Pattern.compile(exact ? regex + "/?" : regex + ".*");
  }
}
