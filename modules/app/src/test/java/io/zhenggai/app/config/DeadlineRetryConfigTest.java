package io.zhenggai.app.config;

import org.axonframework.deadline.DeadlineException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineRetryConfigTest {

    @Test
    void aDeadlineThatLostItsAppendToAConcurrentCommandIsRetriedSoonAnythingElseAtTheDefault() {
        Throwable lost = new DeadlineException("Failed to process", new ConcurrencyException("already inserted"));
        assertThat(DeadlineRetryConfig.ConcurrencyRetry.isConcurrency(lost)).isTrue();
        assertThat(DeadlineRetryConfig.ConcurrencyRetry.isConcurrency(new DeadlineException("Failed to process",
                new IllegalStateException("database down")))).isFalse();
        assertThat(DeadlineRetryConfig.ConcurrencyRetry.isConcurrency(null)).isFalse();
    }
}
