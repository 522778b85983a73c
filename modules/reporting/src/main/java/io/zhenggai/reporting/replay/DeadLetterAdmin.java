package io.zhenggai.reporting.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.audit.DeadLetterEvents.DeadLetterEvictedEvent;
import io.zhenggai.api.audit.DeadLetterEvents.DeadLetterRetriedEvent;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dead letters of the processing groups (Axon's JDBC sequenced dead-letter queue, {@code dead_letter_entry}):
 * events a handler could not apply, parked with their cause, together with the later events of the same sequence
 * (the same aggregate). Lists them, and carries out an administrator's decision, recording it as an event
 * ({@link DeadLetterRetriedEvent}, {@link DeadLetterEvictedEvent}) in the same transaction:
 * <ul>
 *   <li><b>retry</b>: the sequence of the letter is handed to the handlers again, from its first letter on, in order;
 *       letters that are applied leave the queue, the first that fails again stays (with the new cause) and so do
 *       the letters after it;</li>
 *   <li><b>evict</b>: the letter leaves the queue without being applied; the rest of its sequence stays parked
 *       until it is retried or evicted too.</li>
 * </ul>
 * The processor name is the processing group's name (one group per processor in this application).
 */
@Component
public class DeadLetterAdmin {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventBus> eventBus;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    DeadLetterAdmin(JdbcClient jdbc, ObjectProvider<EventProcessingConfiguration> processing,
                    ObjectProvider<EventBus> eventBus, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.eventBus = eventBus;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * The dead letters of one group: how many, in how many sequences, when the oldest was parked, and the most
     * recent cause (letters parked only because their sequence already was have none).
     */
    public record Summary(long letters, long sequences, String oldestEnqueuedAt, String latestCauseType,
                          String latestCause) {
        static final Summary NONE = new Summary(0, 0, null, null, null);
    }

    /**
     * One parked event. {@code sequenceIndex} orders the letters of a sequence; {@code eventPosition} is the event's
     * global index in the event store (null for an event that is not stored there); {@code retries} counts the
     * retries that failed.
     */
    public record Letter(String id, String processingGroup, String sequenceIdentifier, long sequenceIndex,
                         String eventIdentifier, Long eventPosition, String payloadType, String aggregateType,
                         String aggregateIdentifier, Long aggregateSequenceNumber, String enqueuedAt,
                         String lastTouched, String causeType, String cause, long retries) {
    }

    /**
     * The outcome of a decision: {@code succeeded} (for a retry: the whole sequence was applied), the id of the
     * event that records it, the letter as it is now (null when it left the queue) and the cause of the letter that
     * still blocks the sequence (null when none does).
     */
    public record Decision(String decision, boolean succeeded, String recordedEventId, Letter letter, String cause) {
    }

    public Map<String, Summary> summaries() {
        Map<String, Summary> result = new HashMap<>();
        jdbc.sql("""
                        select processing_group, count(*) as letters, count(distinct sequence_identifier) as sequences,
                               min(enqueued_at) as oldest,
                               (array_agg(cause_type order by coalesce(last_touched, enqueued_at) desc)
                                   filter (where cause_type is not null))[1] as cause_type,
                               (array_agg(cause_message order by coalesce(last_touched, enqueued_at) desc)
                                   filter (where cause_type is not null))[1] as cause
                          from dead_letter_entry group by processing_group""")
                .query(rs -> {
                    result.put(rs.getString("processing_group"), new Summary(rs.getLong("letters"),
                            rs.getLong("sequences"), rs.getString("oldest"), rs.getString("cause_type"),
                            rs.getString("cause")));
                });
        return result;
    }

    public List<Letter> list(String group) {
        requireGroup(group);
        return jdbc.sql(SELECT + " where l.processing_group = :group order by l.enqueued_at, l.sequence_identifier, l.sequence_index")
                .param("group", group).query((rs, n) -> letter(rs)).list();
    }

    public Letter letter(String group, String id) {
        requireGroup(group);
        return find(group, id).orElseThrow(() -> new NotFoundException("dead letter", id));
    }

    /** Retries the sequence of letter {@code id} from its first letter on; records the decision and its outcome. */
    public Decision retry(String group, String id, String decidedBy, String reason) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing().sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("dead-letter queue", group));
        return transaction.execute(tx -> {
            Letter letter = letter(group, id);
            log.info("Retry of dead letter {} ({} sequence {}) requested by {}: {}", id, group,
                    letter.sequenceIdentifier(), decidedBy, reason);
            boolean whole = processor.process(l -> l instanceof JdbcDeadLetter<?> j
                    && j.getSequenceIdentifier().equals(letter.sequenceIdentifier()));
            Optional<Letter> after = find(group, id);
            if (!whole && after.isPresent() && Objects.equals(after.get().lastTouched(), letter.lastTouched())) {
                throw RuleViolationException.conflict("DEAD_LETTER_BUSY",
                        "死信 " + id + " 所在的序列正在由其他进程处理，请稍后再试");
            }
            Optional<Letter> stillParked = whole ? Optional.empty() : firstOfSequence(group, letter.sequenceIdentifier());
            String cause = stillParked.map(Letter::cause).orElse(null);
            String eventId = record(new DeadLetterRetriedEvent(group, id, letter.sequenceIdentifier(),
                    letter.eventIdentifier(), letter.eventPosition(), letter.payloadType(), reason, whole, cause),
                    decidedBy, "RetryDeadLetter");
            return new Decision("retry", whole, eventId, after.orElse(null), cause);
        });
    }

    /** Removes letter {@code id} from the queue without applying it; records the decision. */
    public Decision evict(String group, String id, String decidedBy, String reason) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing().deadLetterQueue(group)
                .orElseThrow(() -> new NotFoundException("dead-letter queue", group));
        return transaction.execute(tx -> {
            Letter letter = letter(group, id);
            DeadLetter<? extends EventMessage<?>> stored = null;
            for (DeadLetter<? extends EventMessage<?>> l : queue.deadLetterSequence(letter.sequenceIdentifier())) {
                if (l instanceof JdbcDeadLetter<?> j && j.getIdentifier().equals(id)) {
                    stored = l;
                    break;
                }
            }
            if (stored == null) {
                throw new NotFoundException("dead letter", id);
            }
            log.info("Eviction of dead letter {} ({} sequence {}) requested by {}: {}", id, group,
                    letter.sequenceIdentifier(), decidedBy, reason);
            queue.evict(stored);
            String eventId = record(new DeadLetterEvictedEvent(group, id, letter.sequenceIdentifier(),
                    letter.eventIdentifier(), letter.eventPosition(), letter.payloadType(), reason, letter.cause()),
                    decidedBy, "EvictDeadLetter");
            return new Decision("evict", true, eventId, null, letter.cause());
        });
    }

    private String record(Object event, String decidedBy, String commandName) {
        EventMessage<?> message = GenericEventMessage.asEventMessage(event).andMetaData(Map.of(
                MetadataKeys.USER, decidedBy, MetadataKeys.COMMAND_NAME, commandName));
        message = message.andMetaData(Map.of(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
        eventBus.getObject().publish(message);
        return message.getIdentifier();
    }

    private EventProcessingConfiguration processing() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            throw new NotFoundException("dead-letter queue", "none");
        }
        return config;
    }

    private void requireGroup(String group) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null || config.eventProcessor(group).isEmpty()) {
            throw new NotFoundException("projection", group);
        }
    }

    private static final String SELECT = """
            select l.dead_letter_id, l.processing_group, l.sequence_identifier, l.sequence_index, l.event_identifier,
                   e.global_index, l.payload_type, l.aggregate_type, l.aggregate_identifier, l.sequence_number,
                   l.enqueued_at, l.last_touched, l.cause_type, l.cause_message, l.diagnostics
              from dead_letter_entry l left join domain_event_entry e on e.event_identifier = l.event_identifier""";

    private Optional<Letter> find(String group, String id) {
        return jdbc.sql(SELECT + " where l.processing_group = :group and l.dead_letter_id = :id")
                .param("group", group).param("id", id).query((rs, n) -> letter(rs)).optional();
    }

    private Optional<Letter> firstOfSequence(String group, String sequence) {
        return jdbc.sql(SELECT + " where l.processing_group = :group and l.sequence_identifier = :seq"
                        + " order by l.sequence_index limit 1")
                .param("group", group).param("seq", sequence).query((rs, n) -> letter(rs)).optional();
    }

    private Letter letter(java.sql.ResultSet rs) throws java.sql.SQLException {
        long position = rs.getLong("global_index");
        Long eventPosition = rs.wasNull() ? null : position;
        long seq = rs.getLong("sequence_number");
        Long aggregateSequence = rs.wasNull() ? null : seq;
        return new Letter(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), rs.getLong("sequence_index"), rs.getString("event_identifier"),
                eventPosition, rs.getString("payload_type"), rs.getString("aggregate_type"),
                rs.getString("aggregate_identifier"), aggregateSequence, rs.getString("enqueued_at"),
                rs.getString("last_touched"), rs.getString("cause_type"), rs.getString("cause_message"),
                retries(rs.getBytes("diagnostics")));
    }

    private long retries(byte[] diagnostics) {
        if (diagnostics == null || diagnostics.length == 0) {
            return 0;
        }
        try {
            JsonNode node = json.readTree(diagnostics);
            JsonNode retries = node == null ? null : node.get("retries");
            return retries != null && retries.canConvertToLong() ? retries.asLong() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
