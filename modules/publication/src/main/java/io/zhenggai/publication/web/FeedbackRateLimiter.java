package io.zhenggai.publication.web;

import io.zhenggai.platform.ratelimit.SharedBuckets;
import io.zhenggai.platform.web.KeyedRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The limit on public feedback: a Bucket4j token bucket per client address ({@link KeyedRateLimiter}), kept in
 * PostgreSQL so that it holds across every node ({@link SharedBuckets}, ADR 0049), {@code capacity} submissions
 * refilled over {@code period} (5 per 10 minutes by default). Only a submission that
 * passed validation takes a token: a form sent back with errors costs nothing. Behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that the client address is the visitor's, not the proxy's
 * (docs/operations/security-and-limits.md). Addresses are kept only as bucket keys, never logged.
 */
@Component
public class FeedbackRateLimiter {

    private final KeyedRateLimiter buckets;

    public FeedbackRateLimiter(SharedBuckets shared,
                               @Value("${zhenggai.publication.feedback.rate-limit.capacity:5}") int capacity,
                               @Value("${zhenggai.publication.feedback.rate-limit.period:PT10M}") Duration period) {
        this.buckets = new KeyedRateLimiter("public-feedback", shared, capacity, period, KeyedRateLimiter.Refill.GREEDY);
    }

    /** Takes a token for {@code client}; empty when allowed, else the seconds to wait before the next attempt. */
    public OptionalLong tryAcquire(String client) {
        return buckets.tryAcquire(client);
    }

    /** Forgets every client (an operator's reset). */
    public void clear() {
        buckets.clear();
    }
}
