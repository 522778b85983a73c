package io.zhenggai.rectification.policy;

import io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent;
import io.zhenggai.api.inspection.InspectionEvents.FindingCorrectedEvent;
import io.zhenggai.api.rectification.RectificationCommands.OpenRectificationCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverFindingCorrectionCommand;
import io.zhenggai.api.rectification.RectificationEvents.LedgerCategory;
import io.zhenggai.api.rectification.RectificationEvents.LedgerFinding;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * When the inspection context delivers feedback, the inspected unit's rectification opens by itself, with its own
 * copy of the categories and findings; a later correction of a finding reaches its ledger the same way. Nothing
 * here calls the inspection module: everything comes from the events.
 * <p>
 * Idempotent: the rectification id is derived from the inspection id, opening an open rectification changes
 * nothing, and a correction is taken over once per source event. Failures are retried (see
 * {@code RectificationModuleConfig}); the policy never replays (it would send the commands again).
 */
@Component
@ProcessingGroup(OpenRectificationPolicy.GROUP)
@DisallowReplay
public class OpenRectificationPolicy {

    public static final String GROUP = "rectification-opening-policy";
    private static final Logger log = LoggerFactory.getLogger(OpenRectificationPolicy.class);

    private final CommandGateway commands;

    public OpenRectificationPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(FeedbackDeliveredEvent e) {
        List<LedgerCategory> categories = e.categories() == null ? List.of() : e.categories().stream()
                .map(c -> new LedgerCategory(c.categoryId(), c.ordinal(), c.title(), c.findings() == null ? List.of()
                        : c.findings().stream()
                        .map(f -> new LedgerFinding(f.findingId(), f.ordinal(), f.title(), f.description(),
                                f.manifestations() == null ? List.of() : f.manifestations()))
                        .toList()))
                .toList();
        commands.sendAndWait(new OpenRectificationCommand(RectificationIds.forInspection(e.inspectionId()), e.inspectionId(),
                e.roundId(), e.inspectingBody(), e.inspectedUnit(), e.mandate(), e.legalBasis(), e.fieldworkStart(),
                e.fieldworkEnd(), e.feedbackDate(), categories, e.kind(), e.form(), e.level()));
    }

    @EventHandler
    void on(FindingCorrectedEvent e, @MessageIdentifier String eventId) {
        try {
            commands.sendAndWait(new TakeOverFindingCorrectionCommand(RectificationIds.forInspection(e.inspectionId()),
                    e.findingId(), e.categoryId(), e.title(), e.description(), e.manifestations(), e.reason(), eventId));
        } catch (NotFoundException unknownFinding) {
            // a correction of a finding the ledger never received (withdrawn before feedback): nothing to take over
            log.warn("Correction {} of finding {} ignored: the rectification of {} has no such finding",
                    eventId, e.findingId(), e.inspectionId());
        }
    }
}
