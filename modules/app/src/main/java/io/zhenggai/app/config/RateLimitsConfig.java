package io.zhenggai.app.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.zhenggai.platform.ratelimit.SharedBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Rate limits that hold across every node (ADR 0049): the buckets live in PostgreSQL ({@link SharedBuckets}), and a
 * db-scheduler task — run by one node at a time — deletes those that are full again every 10 minutes.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitsConfig {

    private static final Logger log = LoggerFactory.getLogger(RateLimitsConfig.class);

    @Bean
    SharedBuckets sharedBuckets(DataSource dataSource) {
        return new SharedBuckets(dataSource);
    }

    @Bean
    RecurringTask<Void> rateLimitBucketsCleanup(SharedBuckets buckets) {
        return Tasks.recurring("rate-limit-buckets-cleanup", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    int removed;
                    do {
                        removed = buckets.removeExpired(1_000);
                        log.debug("Removed {} rate-limit buckets that were full again", removed);
                    } while (removed == 1_000);
                });
    }
}
