package io.octavo.posts;

import io.octavo.common.config.Env;
import io.octavo.common.config.PgSettings;
import java.time.Duration;
import java.util.Map;

/**
 * The posts-service's settings, from the environment: the libpq variables, and
 * {@code OCTAVO_DB_POOL_SIZE}, {@code OCTAVO_RENDER_TIMEOUT_MS}, {@code OCTAVO_RENDER_RETRY_MS}.
 */
public record PostsSettings(PgSettings pg, int poolSize, Duration renderTimeout, Duration renderRetry) {

  public static PostsSettings fromEnv(Map<String, String> env) {
    return new PostsSettings(
        PgSettings.fromEnv(env),
        Env.integer(env, "OCTAVO_DB_POOL_SIZE", Math.max(4, 2 * Runtime.getRuntime().availableProcessors())),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_RENDER_TIMEOUT_MS", 5_000)),
        Duration.ofMillis(Env.longValue(env, "OCTAVO_RENDER_RETRY_MS", 2_000)));
  }

  public PostsSettings withPg(PgSettings other) {
    return new PostsSettings(other, poolSize, renderTimeout, renderRetry);
  }
}
