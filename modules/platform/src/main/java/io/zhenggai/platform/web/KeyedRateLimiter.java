package io.zhenggai.platform.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.zhenggai.platform.ratelimit.SharedBuckets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Bucket4j token bucket per key (a client address, a user name), in memory or — on several nodes — shared by all of
 * them in PostgreSQL ({@link SharedBuckets}, ADR 0049): {@code capacity} tokens per
 * {@code period}, given back evenly ({@link Refill#GREEDY}) or all at once at the end of the period
 * ({@link Refill#INTERVALLY}). Callers decide what costs a token: {@link #tryAcquire} takes one before the work;
 * {@link #waitFor} only looks, for a caller that {@link #charge charges} afterwards, and only for what failed. Full buckets are dropped when
 * the map grows past {@code maxKeys}, so idle keys are not kept (shared buckets expire once full again); keys are
 * never logged.
 */
public final class KeyedRateLimiter {

    /** How used tokens come back: evenly over the period, or all at once when the period is over. */
    public enum Refill { GREEDY, INTERVALLY }

    private final long capacity;
    private final Duration period;
    private final Refill refill;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final String name;
    private final SharedBuckets shared;

    /** In memory: the limit holds per node. */
    public KeyedRateLimiter(long capacity, Duration period, Refill refill, int maxKeys) {
        this(null, null, capacity, period, refill, maxKeys);
    }

    /** Shared by every node: the buckets of limit {@code name} are rows in PostgreSQL. */
    public KeyedRateLimiter(String name, SharedBuckets shared, long capacity, Duration period, Refill refill) {
        this(name, shared, capacity, period, refill, 0);
    }

    private KeyedRateLimiter(String name, SharedBuckets shared, long capacity, Duration period, Refill refill, int maxKeys) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1 and a positive period");
        }
        if (shared != null && (name == null || name.isBlank() || name.contains(":"))) {
            throw new IllegalArgumentException("a shared rate limit needs a name without ':'");
        }
        this.name = name;
        this.shared = shared;
        this.capacity = capacity;
        this.period = period;
        this.refill = refill;
        this.maxKeys = maxKeys;
    }

    public KeyedRateLimiter(long capacity, Duration period) {
        this(capacity, period, Refill.GREEDY, 10_000);
    }

    /** Takes a token for {@code key}: empty when allowed, else the seconds to wait before the next token. */
    public OptionalLong tryAcquire(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Whether {@code key} has a token left, without taking it: empty when it has, else the seconds to wait. */
    public OptionalLong waitFor(String key) {
        Bucket bucket = shared == null ? buckets.get(key)
                : shared.anyExists(List.of(id(key))) ? bucket(key) : null; // no row: nothing used, no lock taken
        if (bucket == null) {
            return OptionalLong.empty();
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Takes a token for {@code key} whether or not one is left (a failure that already happened is always counted). */
    public void charge(String key) {
        bucket(key).tryConsume(1);
    }

    /** Forgets every key (an operator's reset; tests start from full buckets). */
    public void clear() {
        if (shared != null) {
            shared.clear(name);
        }
        buckets.clear();
    }

    private String id(String key) {
        return name + ':' + key;
    }

    private BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    private Bandwidth bandwidth() {
        return refill == Refill.GREEDY
                ? Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()
                : Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build();
    }

    private Bucket bucket(String key) {
        if (shared != null) {
            return shared.bucket(id(key), this::configuration);
        }
        if (buckets.size() > maxKeys) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth()).build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
