package io.octavo.gateway;

import io.octavo.gateway.api.DocsHandler;
import io.octavo.gateway.edge.BodyBudget;
import io.octavo.gateway.edge.RateLimits;
import io.octavo.gateway.edge.ResponseCache;
import io.octavo.gateway.site.AssetsHandler;
import io.octavo.gateway.site.LazyDocuments;
import io.octavo.gateway.site.MediaCache;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every gateway verticle of a process shares: the rate limits (so a limit is per process,
 * not per event loop), the response cache (emptied by one posts.changed consumer), the API
 * documents (read once), the pages' assets (read and gzipped once, not once per event loop),
 * whether the gateway is draining for shutdown, the feeds and sitemap (rebuilt lazily after
 * changes), the hot media files, and the budget of bytes request bodies may hold in memory (per
 * process, so many event loops cannot each fill the heap).
 */
record GatewayShared(RateLimits limits, ResponseCache cache, DocsHandler docs, AssetsHandler assets,
                     AtomicBoolean draining, LazyDocuments documents, MediaCache media, BodyBudget bodies) {
}
