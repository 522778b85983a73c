package io.zhenggai.publication.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small token bucket per client address, in memory: {@code capacity} submissions, refilled evenly over
 * {@code period} (5 per 10 minutes by default). Behind a reverse proxy set {@code server.forward-headers-strategy}
 * so that the client address is the visitor's, not the proxy's. Addresses are kept only as bucket keys, never logged.
 */
@Component
public class FeedbackRateLimiter {

    private final int capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public FeedbackRateLimiter(@Value("${zhenggai.publication.feedback.rate-limit.capacity:5}") int capacity,
                               @Value("${zhenggai.publication.feedback.rate-limit.period:PT10M}") Duration period,
                               Clock clock) {
        this.capacity = capacity;
        this.tokensPerMilli = (double) capacity / period.toMillis();
        this.clock = clock;
    }

    private static final class Bucket {
        double tokens;
        long at;
    }

    /** Takes a token for {@code client}; empty when allowed, else the seconds to wait before the next attempt. */
    public OptionalLong tryAcquire(String client) {
        long now = clock.millis();
        if (buckets.size() > 10_000) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> {
            Bucket b = new Bucket();
            b.tokens = capacity;
            b.at = now;
            return b;
        });
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) Math.ceil((1 - bucket.tokens) / tokensPerMilli / 1000.0));
        }
    }

    /** Forgets every client (an operator's reset; tests start from full buckets). */
    public void clear() {
        buckets.clear();
    }

    private double refilled(Bucket b, long now) {
        return Math.min(capacity, b.tokens + (now - b.at) * tokensPerMilli);
    }
}
