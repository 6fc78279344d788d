package io.octavo.gateway.edge;

import io.octavo.common.config.Env;
import java.time.Duration;
import java.util.Map;

/**
 * How much of the process one client may hold: the time a connection may sit idle, the time a
 * request body may take to arrive, the bytes all request bodies in memory may take together, and
 * the bytes the response cache may take. Sized so that a 256 MiB heap survives any mix of them.
 *
 * @param idleTimeout a connection that sends and receives nothing this long is closed ({@code OCTAVO_IDLE_TIMEOUT_MS})
 * @param bodyTimeout a request body not complete this long after its headers gets 408 and the
 *     connection is closed ({@code OCTAVO_BODY_TIMEOUT_MS})
 * @param bodyBufferBytes request bodies held in memory, all connections together; over it 503
 *     ({@code OCTAVO_BODY_BUFFER_BYTES})
 * @param importUploadTimeout the same deadline for an archive streamed to {@code POST /api/import},
 *     which may be large ({@code OCTAVO_IMPORT_UPLOAD_TIMEOUT_MS}; media has its own)
 * @param cacheMaxBytes the response cache's bound, keys and bodies ({@code OCTAVO_CACHE_MAX_BYTES})
 */
public record EdgeLimits(Duration idleTimeout, Duration bodyTimeout, long bodyBufferBytes, long cacheMaxBytes,
                         Duration importUploadTimeout) {

  public static EdgeLimits fromEnv(Map<String, String> env) {
    return new EdgeLimits(
        Duration.ofMillis(Env.longValue(env, "OCTAVO_IDLE_TIMEOUT_MS", 30_000)),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_BODY_TIMEOUT_MS", 30_000)),
        Env.longValue(env, "OCTAVO_BODY_BUFFER_BYTES", 32L * 1024 * 1024),
        Env.longValue(env, "OCTAVO_CACHE_MAX_BYTES", 32L * 1024 * 1024),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_IMPORT_UPLOAD_TIMEOUT_MS", 600_000)));
  }
}
