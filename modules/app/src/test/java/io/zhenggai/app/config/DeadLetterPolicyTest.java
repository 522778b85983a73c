package io.zhenggai.app.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is parked, with which cause, and what is retried by the processor instead. */
class DeadLetterPolicyTest {

    private final EnqueuePolicy<EventMessage<?>> policy = DeadLetterConfig.enqueuePolicy();
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("payload");

    @Test
    void parksAnEventThatCannotBeAppliedWithTheMostSpecificCauseReadableAndShort() {
        DataIntegrityViolationException failure = new DataIntegrityViolationException("PreparedStatementCallback; SQL [insert …]",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 \u0000" + "x".repeat(2000)));

        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("agg-1", event, failure), failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        Cause cause = (Cause) decision.enqueueCause().orElseThrow();
        assertThat(cause.type()).isEqualTo(SQLException.class.getName());
        assertThat(cause.message()).startsWith("ERROR: invalid byte sequence").doesNotContain("\u0000").hasSize(1023);
        assertThat(decision.withDiagnostics(new GenericDeadLetter<>("agg-1", event, failure)).diagnostics())
                .isEqualTo(MetaData.with(DeadLetterConfig.RETRIES, 0L));
    }

    @Test
    void aTransientFailureIsNotParkedButFailsTheBatchSoTheProcessorRetriesIt() {
        CannotAcquireLockException failure = new CannotAcquireLockException("lock timeout");

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("agg-1", event, failure), failure))
                .isSameAs(failure);
    }
}
