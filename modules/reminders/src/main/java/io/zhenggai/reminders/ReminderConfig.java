package io.zhenggai.reminders;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.zhenggai.reminders.delivery.Deliveries;
import io.zhenggai.reminders.digest.DigestJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The two persistent tasks of the reminders context, in db-scheduler's table (ADR 0005, 0043): the daily digest, a
 * recurring task that exactly one node picks each day (row lock), and the delivery of one digest through one channel
 * to one address, a one-time task retried with exponential back-off until {@code delivery.max-retries}. Both run on
 * db-scheduler's threads, never on an event processor's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderConfig {

    static final String DIGEST_TASK = "reminder-digest";

    @Bean
    @ConditionalOnProperty(name = "zhenggai.reminders.digest.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> reminderDigestTask(ReminderProperties properties, Clock clock, ObjectProvider<DigestJob> job) {
        return Tasks.recurring(DIGEST_TASK, Schedules.daily(clock.getZone(), properties.getDigest().getTime()))
                .execute((instance, context) -> job.getObject().run("SCHEDULE", context.getExecution().pickedBy));
    }

    @Bean
    OneTimeTask<String> reminderDeliveryTask(ReminderProperties properties, ObjectProvider<Deliveries> deliveries) {
        int maxRetries = properties.getDelivery().getMaxRetries();
        return Tasks.oneTime(Deliveries.TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(maxRetries,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.getDelivery().getBackoff())))
                .execute((instance, context) -> deliveries.getObject().deliver(instance.getData(),
                        context.getExecution().consecutiveFailures + 1));
    }
}
