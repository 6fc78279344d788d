package io.octavo.gateway;

import io.octavo.common.config.Env;
import io.octavo.gateway.edge.AdminToken;
import io.octavo.gateway.edge.EdgeLimits;
import io.octavo.gateway.edge.TrustedProxies;
import io.octavo.gateway.site.pages.Site;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The gateway's settings, from the environment: a setting is a component here, one line in
 * {@link #fromEnv}, and its reader. Tests and embedders set them by the same environment names
 * ({@code TestGateway.settings(token, env)}), so there are no {@code withX} copies to keep in step.
 *
 * @param adminToken the admin token's hash (never the token itself)
 * @param site what pages and feeds show of the blog: {@code OCTAVO_SITE_TITLE}, {@code OCTAVO_SITE_DESCRIPTION},
 *     and the public base URL for absolute links ({@code OCTAVO_PUBLIC_URL})
 * @param corsOrigins origins allowed to read the API from a browser; {@code *} for any ({@code OCTAVO_CORS_ORIGINS})
 * @param anonymousReadsPerMinute per client address ({@code OCTAVO_RATE_LIMIT_READS}); 0 turns it off
 * @param authFailuresPerMinute failed authentications per client address before 429 ({@code OCTAVO_RATE_LIMIT_AUTH_FAILURES})
 * @param trustedProxies the load balancers whose X-Forwarded-For hops are believed ({@code OCTAVO_TRUSTED_PROXIES}, CIDRs)
 * @param shutdownGrace how long in-flight requests may take to finish on SIGTERM ({@code OCTAVO_SHUTDOWN_GRACE_MS})
 * @param maxImportBytes the largest archive {@code POST /api/import} accepts ({@code OCTAVO_MAX_IMPORT_BYTES}, 100 MiB)
 * @param drainDelay how long /ready says 503 before the server stops accepting, so load balancers
 *     stop sending first ({@code OCTAVO_DRAIN_DELAY_MS})
 * @param feedRefresh how often at most feeds and the sitemap are rebuilt after changes ({@code OCTAVO_FEED_REFRESH_MS})
 * @param sitemapPageUrls URLs per sitemap file, at most the protocol's 50,000 ({@code OCTAVO_SITEMAP_PAGE_URLS})
 * @param edge time and memory bounds per connection, request body and cache ({@link EdgeLimits})
 */
public record GatewaySettings(int httpPort, AdminToken adminToken, long maxBodyBytes, Duration busTimeout, Site site,
                              List<String> corsOrigins, int anonymousReadsPerMinute, int authFailuresPerMinute,
                              TrustedProxies trustedProxies, Duration shutdownGrace, Duration drainDelay,
                              long maxImportBytes, Duration feedRefresh, int sitemapPageUrls, EdgeLimits edge) {

  /** {@code adminToken} comes separately: when it is generated, the caller must show it once. */
  public static GatewaySettings fromEnv(Map<String, String> env, AdminToken adminToken) {
    if (env.containsKey("OCTAVO_TRUST_PROXY") && !env.containsKey("OCTAVO_TRUSTED_PROXIES")) {
      // silently ignoring it would put every client behind the load balancer on one address, one limit
      LoggerFactory.getLogger(GatewaySettings.class).warn("OCTAVO_TRUST_PROXY is no longer read: set "
          + "OCTAVO_TRUSTED_PROXIES to your load balancers' addresses or CIDRs (e.g. 10.0.0.0/8)");
    }
    int port = Env.integer(env, "HTTP_PORT", 8080);
    String publicUrl = Env.string(env, "OCTAVO_PUBLIC_URL", "http://localhost:" + port);
    return new GatewaySettings(
        port,
        adminToken,
        Env.longValue(env, "OCTAVO_MAX_BODY_BYTES", 2L * 1024 * 1024),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_BUS_TIMEOUT_MS", 10_000)),
        new Site(Env.string(env, "OCTAVO_SITE_TITLE", "Octavo"),
            Env.string(env, "OCTAVO_SITE_DESCRIPTION", "A technical blog"),
            publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl),
        Arrays.stream(Env.string(env, "OCTAVO_CORS_ORIGINS", "*").split(","))
            .map(String::trim).filter(origin -> !origin.isEmpty()).toList(),
        Env.integer(env, "OCTAVO_RATE_LIMIT_READS", 1200),
        Env.integer(env, "OCTAVO_RATE_LIMIT_AUTH_FAILURES", 10),
        TrustedProxies.parse(Env.string(env, "OCTAVO_TRUSTED_PROXIES", "")),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_SHUTDOWN_GRACE_MS", 20_000)),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_DRAIN_DELAY_MS", 2_000)),
        Env.longValue(env, "OCTAVO_MAX_IMPORT_BYTES", 100L * 1024 * 1024),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_FEED_REFRESH_MS", 10_000)),
        Math.max(1, Math.min(50_000, Env.integer(env, "OCTAVO_SITEMAP_PAGE_URLS", 50_000))),
        EdgeLimits.fromEnv(env));
  }
}
