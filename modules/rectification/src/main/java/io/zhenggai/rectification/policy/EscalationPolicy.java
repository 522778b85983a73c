package io.zhenggai.rectification.policy;

import io.zhenggai.api.finance.FinanceEvents.ViolationEscalatedEvent;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.PublicationEvents.FeedbackEscalatedToFindingEvent;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationCommands.RecordSupplementaryFindingCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverViolationCommand;
import io.zhenggai.api.rectification.RectificationEvents.RectificationOpenedEvent;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.CommandShape;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import static io.zhenggai.platform.text.Blanks.strippedOrNull;

/**
 * Other contexts hand problems over to a rectification ledger by events; this policy turns them into the
 * rectification's own commands. Nothing here calls the finance or publication modules.
 * <ul>
 *   <li>{@code ViolationEscalatedEvent} (finance) → {@link TakeOverViolationCommand}: an immediate item
 *       {@code viol-<violationId>} serving the finding named, or a supplementary finding of its own.</li>
 *   <li>{@code FeedbackEscalatedToFindingEvent} (publication) → {@link RecordSupplementaryFindingCommand}: a
 *       supplementary finding {@code fb-<feedbackId>} from public feedback.</li>
 * </ul>
 * When the inspection has no open rectification (feedback not delivered yet, unknown or missing inspection id) or
 * the ledger refuses the command, nothing is recorded: the escalation is logged and parked in
 * {@link UnmatchedEscalations} (visible at {@code GET /api/rectifications/unmatched-escalations}); when the
 * rectification of that inspection opens, the parked commands are sent and the rows removed.
 * <p>
 * Idempotent (the commands are idempotent by violation id and by source id); other failures propagate so the
 * processor retries; never replayed (it would send the commands again).
 */
@Component
@ProcessingGroup(EscalationPolicy.GROUP)
@DisallowReplay
public class EscalationPolicy {

    public static final String GROUP = "rectification-escalation-policy";
    private static final Logger log = LoggerFactory.getLogger(EscalationPolicy.class);

    private final CommandGateway commands;
    private final UnmatchedEscalations unmatched;

    public EscalationPolicy(CommandGateway commands, UnmatchedEscalations unmatched) {
        this.commands = commands;
        this.unmatched = unmatched;
    }

    @EventHandler
    void on(ViolationEscalatedEvent e) {
        String inspectionId = strippedOrNull(e.inspectionId());
        String title = "违规支出：" + (e.description() != null ? e.description() : e.violationId());
        if (inspectionId == null) {
            park(FindingSource.FINANCE_VIOLATION, e.violationId(), null, title, "移交时没有指明" + InspectionKind.EITHER, null);
            return;
        }
        TakeOverViolationCommand command = new TakeOverViolationCommand(RectificationIds.forInspection(inspectionId),
                e.violationId(), e.findingId(), e.description(), e.amount(), e.escalatedOn(), e.expenseId(),
                e.expenseDate(), e.regulationTitle(), e.breachDescription());
        deliver(FindingSource.FINANCE_VIOLATION, e.violationId(), inspectionId, title, command);
    }

    @EventHandler
    void on(FeedbackEscalatedToFindingEvent e) {
        String inspectionId = strippedOrNull(e.inspectionId());
        String rectificationId = strippedOrNull(e.rectificationId()) != null ? e.rectificationId()
                : inspectionId == null ? null : RectificationIds.forInspection(inspectionId);
        if (rectificationId == null) {
            park(FindingSource.PUBLIC_FEEDBACK, e.feedbackId(), null, e.title(), "转交时没有指明" + InspectionKind.EITHER, null);
            return;
        }
        String description = e.text();
        if (strippedOrNull(e.note()) != null) {
            description = (description == null ? "" : description + "\n") + "办理意见：" + e.note().strip();
        }
        RecordSupplementaryFindingCommand command = new RecordSupplementaryFindingCommand(rectificationId,
                "fb-" + e.feedbackId(), e.categoryId(), e.title(), description, FindingSource.PUBLIC_FEEDBACK,
                e.feedbackId(), e.submittedOn());
        deliver(FindingSource.PUBLIC_FEEDBACK, e.feedbackId(),
                inspectionId != null ? inspectionId : RectificationIds.inspectionOf(rectificationId), e.title(), command);
    }

    /** A rectification opened: what was parked for its inspection reaches its ledger now. */
    @EventHandler
    void on(RectificationOpenedEvent e) {
        for (UnmatchedEscalations.Parked parked : unmatched.forInspection(e.inspectionId())) {
            if (send(parked.command()) == null) {
                unmatched.remove(parked.source(), parked.sourceId());
                log.info("Parked escalation {} {} taken over by the rectification of {}", parked.source(),
                        parked.sourceId(), e.inspectionId());
            }
        }
    }

    private void deliver(FindingSource source, String sourceId, String inspectionId, String title, Object command) {
        String refused = send(command);
        if (refused != null) {
            park(source, sourceId, inspectionId, title, refused, command);
            // the rectification may have opened meanwhile (its opening looks for parked rows): try once more
            if (send(command) == null) {
                unmatched.remove(source, sourceId);
            }
        }
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

    private void park(FindingSource source, String sourceId, String inspectionId, String title, String reason,
                      Object command) {
        log.warn("Escalation {} {} for inspection {} not recorded in a ledger: {}", source, sourceId, inspectionId, reason);
        unmatched.park(source, sourceId, inspectionId, title, reason, command);
    }
}
