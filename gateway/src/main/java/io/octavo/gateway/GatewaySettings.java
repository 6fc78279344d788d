package io.octavo.gateway;

import io.octavo.common.config.Env;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's settings: {@code HTTP_PORT}, the admin token's hash (never the token itself),
 * {@code OCTAVO_MAX_BODY_BYTES} and {@code OCTAVO_BUS_TIMEOUT_MS}.
 */
public record GatewaySettings(int httpPort, AdminToken adminToken, long maxBodyBytes, Duration busTimeout) {

  /** {@code adminToken} comes separately: when it is generated, the caller must show it once. */
  public static GatewaySettings fromEnv(Map<String, String> env, AdminToken adminToken) {
    return new GatewaySettings(
        Env.integer(env, "HTTP_PORT", 8080),
        adminToken,
        Env.longValue(env, "OCTAVO_MAX_BODY_BYTES", 2L * 1024 * 1024),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_BUS_TIMEOUT_MS", 10_000)));
  }
}
