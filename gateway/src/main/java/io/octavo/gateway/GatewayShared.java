package io.octavo.gateway;

/**
 * What every gateway verticle of a process shares: the rate limits (so a limit is per process,
 * not per event loop), the response cache (emptied by one posts.changed consumer) and the API
 * documents (read once).
 */
record GatewayShared(RateLimits limits, ResponseCache cache, DocsHandler docs) {
}
