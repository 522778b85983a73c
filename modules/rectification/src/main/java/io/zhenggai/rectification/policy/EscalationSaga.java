package io.zhenggai.rectification.policy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.zhenggai.api.finance.FinanceEvents.ViolationEscalatedEvent;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.PublicationEvents.FeedbackEscalatedToFindingEvent;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationCommands.RecordSupplementaryFindingCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverViolationCommand;
import io.zhenggai.api.rectification.RectificationEvents.RectificationOpenedEvent;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.platform.domain.CommandShape;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.zhenggai.platform.text.Blanks.strippedOrNull;

/**
 * Other contexts hand problems over to a rectification ledger by events; this saga, keyed on the inspection, turns
 * them into the rectification's own commands, and holds those that cannot be taken yet until the inspection's
 * rectification opens. Nothing here calls the finance or publication modules (ADR 0047).
 * <ul>
 *   <li>{@code ViolationEscalatedEvent} (finance) → {@link TakeOverViolationCommand}: an immediate item
 *       {@code viol-<violationId>} serving the finding named, or a supplementary finding of its own.</li>
 *   <li>{@code FeedbackEscalatedToFindingEvent} (publication) → {@link RecordSupplementaryFindingCommand}: a
 *       supplementary finding {@code fb-<feedbackId>} from public feedback.</li>
 * </ul>
 * A command taken by the ledger ends its part; when nothing is left waiting the saga ends. A command the ledger
 * cannot take (no open rectification: feedback not delivered yet or an unknown inspection; or refused by a rule)
 * waits in the saga, in the saga store (visible at {@code GET /api/rectifications/unmatched-escalations}), and is
 * sent again when {@code RectificationOpenedEvent} of that inspection arrives. The saga's events come in the order
 * of the event store, so an opening stored after the escalation always finds it waiting.
 * <p>
 * Idempotent (the commands are idempotent by violation id and by source id); other failures propagate so the
 * processor retries (like every policy). The saga's processor starts at the tail of the event store: on its first
 * start it reads the history once, so what waited when the escalations were parked in a table of their own
 * ({@code rectification_unmatched_escalation}, dropped by {@code V210}) waits here again, derived from the events.
 */
@Saga
@ProcessingGroup(EscalationSaga.GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class EscalationSaga {

    public static final String GROUP = "rectification-escalation-saga";
    private static final Logger log = LoggerFactory.getLogger(EscalationSaga.class);

    /** An escalation waiting for the rectification of its inspection; exactly one of the two commands is set. */
    public record Waiting(FindingSource source, String sourceId, String title, String reason, Instant receivedAt,
                          TakeOverViolationCommand takeOver, RecordSupplementaryFindingCommand supplementaryFinding) {

        Object command() {
            return takeOver != null ? takeOver : supplementaryFinding;
        }
    }

    private String inspectionId;
    private List<Waiting> waiting = new ArrayList<>();

    @Autowired
    private transient CommandGateway commands;

    /** For Axon (and the saga store). */
    public EscalationSaga() {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "inspectionId")
    void on(ViolationEscalatedEvent e, @Timestamp Instant at) {
        inspectionId = e.inspectionId();
        TakeOverViolationCommand command = new TakeOverViolationCommand(RectificationIds.forInspection(inspectionId),
                e.violationId(), e.findingId(), e.description(), e.amount(), e.escalatedOn(), e.expenseId(),
                e.expenseDate(), e.regulationTitle(), e.breachDescription());
        String title = "违规支出：" + (e.description() != null ? e.description() : e.violationId());
        deliver(new Waiting(FindingSource.FINANCE_VIOLATION, e.violationId(), title, null, at, command, null));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "inspectionId")
    void on(FeedbackEscalatedToFindingEvent e, @Timestamp Instant at) {
        inspectionId = e.inspectionId();
        String rectificationId = strippedOrNull(e.rectificationId()) != null ? e.rectificationId()
                : RectificationIds.forInspection(inspectionId);
        String description = e.text();
        if (strippedOrNull(e.note()) != null) {
            description = (description == null ? "" : description + "\n") + "办理意见：" + e.note().strip();
        }
        RecordSupplementaryFindingCommand command = new RecordSupplementaryFindingCommand(rectificationId,
                "fb-" + e.feedbackId(), e.categoryId(), e.title(), description, FindingSource.PUBLIC_FEEDBACK,
                e.feedbackId(), e.submittedOn());
        deliver(new Waiting(FindingSource.PUBLIC_FEEDBACK, e.feedbackId(), e.title(), null, at, null, command));
    }

    /** The rectification opened: what waits for its inspection reaches its ledger now. */
    @SagaEventHandler(associationProperty = "inspectionId")
    void on(RectificationOpenedEvent e) {
        for (Waiting w : List.copyOf(waiting)) {
            String refused = send(w.command());
            waiting.remove(w);
            if (refused == null) {
                log.info("Waiting escalation {} {} taken over by the rectification of {}", w.source(), w.sourceId(),
                        inspectionId);
            } else {
                waiting.add(withReason(w, refused));
            }
        }
        endWhenNothingWaits();
    }

    /** The escalations waiting in this saga, oldest first. */
    List<Waiting> waiting() {
        return List.copyOf(waiting);
    }

    String inspectionId() {
        return inspectionId;
    }

    private void deliver(Waiting escalation) {
        waiting.removeIf(w -> w.source() == escalation.source() && w.sourceId().equals(escalation.sourceId()));
        String refused = send(escalation.command());
        if (refused != null) {
            log.warn("Escalation {} {} for inspection {} not recorded in a ledger yet: {}", escalation.source(),
                    escalation.sourceId(), inspectionId, refused);
            waiting.add(withReason(escalation, refused));
        }
        endWhenNothingWaits();
    }

    /** Sends the command; null when it was taken, otherwise why not (no open rectification, or refused). */
    private String send(Object command) {
        try {
            commands.sendAndWait(command);
            return null;
        } catch (AggregateNotFoundException | NotFoundException notOpen) {
            return "该" + InspectionKind.EITHER + "尚未反馈或不存在，整改尚未启动";
        } catch (RuleViolationException refused) {
            return "整改台账拒绝：" + refused.getMessage();
        } catch (JSR303ViolationException malformed) {
            return "整改台账拒绝：" + CommandShape.describe(malformed);
        }
    }

    private void endWhenNothingWaits() {
        if (waiting.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    private static Waiting withReason(Waiting w, String reason) {
        return new Waiting(w.source(), w.sourceId(), w.title(), reason, w.receivedAt(), w.takeOver(), w.supplementaryFinding());
    }
}
