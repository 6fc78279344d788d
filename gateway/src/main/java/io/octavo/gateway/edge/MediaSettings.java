package io.octavo.gateway.edge;

import io.octavo.common.config.Env;
import java.time.Duration;
import java.util.Map;

/**
 * Media settings, from the environment.
 *
 * @param maxBytes the largest file {@code POST /api/media} accepts ({@code OCTAVO_MAX_MEDIA_BYTES}, 20 MiB)
 * @param cacheBytes how many bytes of hot files each gateway keeps in memory ({@code OCTAVO_MEDIA_CACHE_BYTES}, 64 MiB)
 * @param cacheFileBytes files up to this size are cached whole; larger ones stream chunk by chunk
 *     ({@code OCTAVO_MEDIA_CACHE_FILE_BYTES}, 2 MiB)
 * @param uploadTimeout an upload not complete this long after its headers gets 408
 *     ({@code OCTAVO_MEDIA_UPLOAD_TIMEOUT_MS}, 5 minutes: 20 MiB at about 0.5 Mbit/s)
 */
public record MediaSettings(long maxBytes, long cacheBytes, long cacheFileBytes, Duration uploadTimeout) {

  public static MediaSettings fromEnv(Map<String, String> env) {
    return new MediaSettings(
        Env.longValue(env, "OCTAVO_MAX_MEDIA_BYTES", 20L * 1024 * 1024),
        Env.longValue(env, "OCTAVO_MEDIA_CACHE_BYTES", 64L * 1024 * 1024),
        Env.longValue(env, "OCTAVO_MEDIA_CACHE_FILE_BYTES", 2L * 1024 * 1024),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_MEDIA_UPLOAD_TIMEOUT_MS", 300_000)));
  }
}
