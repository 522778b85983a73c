package io.zhenggai.publication.compose;

import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.events.StoredText;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Composes the facts of a notice AS OF a global position {@code P} of the event store: reads
 * {@code domain_event_entry} up to P in global order (in one repeatable-read snapshot, so the head and the events
 * agree) and folds the events of the inspection, its rectification and the finance regulations into
 * {@link NoticeFacts}. The payloads are deserialised with Axon's event serializer, exactly as Axon reads them
 * (a NUL or lone surrogate stored in a text field is read as U+FFFD, like the event store's upcaster does).
 * The same P always gives equal facts, so a draft can be rebuilt and diffed later.
 * <p>
 * Only the event types that can concern a notice are read: everything stored on the inspection's and the
 * rectification's aggregates, the finance events that link regulations or record money, and the finding events of
 * other inspections (to know which inspection a finding id belongs to).
 */
@Component
public class NoticeComposer {

    public record Composition(long position, Instant positionTime, NoticeFacts facts) {
    }

    private static final String FINANCE = "io.zhenggai.api.finance.FinanceEvents$";
    private static final String INSPECTION = "io.zhenggai.api.inspection.InspectionEvents$";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;

    public NoticeComposer(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer,
                          PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** The newest position of the event store (0 when empty). */
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /**
     * The facts of {@code inspectionId} as of {@code position} (the head when null).
     *
     * @throws NotFoundException when the inspection does not exist at that position
     */
    public Composition compose(String inspectionId, Long position) {
        return snapshot.execute(tx -> {
            long head = head();
            if (position != null) {
                RuleViolationException.require(position >= 0 && position <= head, "POSITION_OUT_OF_RANGE",
                        "事件位置必须在 0 到 " + head + " 之间，收到：" + position);
            }
            long p = position != null ? position : head;
            NoticeFactsFolder folder = new NoticeFactsFolder(inspectionId);
            jdbc.sql("""
                            select payload_type, payload_revision, payload from domain_event_entry
                            where global_index <= :p
                              and (aggregate_identifier in (:inspection, :rectification)
                                   or payload_type in (:financeTypes)
                                   or payload_type in (:inspectionTypes))
                            order by global_index""")
                    .param("p", p)
                    .param("inspection", inspectionId)
                    .param("rectification", RectificationIds.forInspection(inspectionId))
                    .param("financeTypes", java.util.List.of(FINANCE + "RegulationEnactedEvent", FINANCE + "RegulationRevisedEvent",
                            FINANCE + "RegulationLinkedEvent", FINANCE + "MoneyOutcomeRecordedEvent"))
                    .param("inspectionTypes", java.util.List.of(INSPECTION + "InspectionScheduledEvent",
                            INSPECTION + "FindingRecordedEvent", INSPECTION + "FeedbackDeliveredEvent"))
                    .query(rs -> {
                        Object payload = deserialize(rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"));
                        if (payload != null) {
                            folder.accept(payload);
                        }
                    });
            NoticeFacts facts = folder.facts();
            if (facts == null) {
                throw new NotFoundException("inspection", inspectionId);
            }
            Instant time = jdbc.sql("select time_stamp from domain_event_entry where global_index = "
                            + "(select max(global_index) from domain_event_entry where global_index <= :p)")
                    .param("p", p).query(String.class).optional().map(Instant::parse).orElse(null);
            return new Composition(p, time, facts);
        });
    }

    private Object deserialize(String type, String revision, byte[] bytes) {
        SerializedType serializedType = new SimpleSerializedType(type, revision);
        if (serializer.classForType(serializedType) == UnknownSerializedType.class) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(StoredText.repairJson(bytes), byte[].class, serializedType));
    }
}
