package io.zhenggai.app.config;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Axon's db-scheduler task for deadlines, with one change: a deadline whose handling lost the race for its aggregate
 * (a command appended to the same aggregate at the same moment, on another node — {@link ConcurrencyException}) runs
 * again within a second, on fresh state, instead of at db-scheduler's default retry five minutes later. Any other
 * failure keeps that default. Found by {@code ClusterIT}: an overdue deadline firing while three nodes wrote to the
 * same rectification lost the append and came five minutes late.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineRetryConfig {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRetryConfig.class);
    static final Duration OTHER_FAILURES = Duration.ofMinutes(5);

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> dbSchedulerDeadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new ConcurrencyRetry<>())
                .execute((instance, execution) -> axon.execute(instance, execution));
    }

    /** Soon again after a lost append, at the default delay after anything else. */
    static final class ConcurrencyRetry<T> implements FailureHandler<T> {

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
            boolean lostRace = complete.getCause().map(ConcurrencyRetry::isConcurrency).orElse(false);
            Duration delay = lostRace ? Duration.ofMillis(200 + ThreadLocalRandom.current().nextInt(800)) : OTHER_FAILURES;
            if (lostRace) {
                log.info("Deadline {} lost the append to a concurrent command: running it again in {} ms",
                        complete.getExecution().taskInstance, delay.toMillis());
            }
            operations.reschedule(complete, Instant.now().plus(delay));
        }

        static boolean isConcurrency(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ConcurrencyException) {
                    return true;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }
    }
}
