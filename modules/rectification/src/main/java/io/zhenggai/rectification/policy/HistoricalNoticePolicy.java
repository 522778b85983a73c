package io.zhenggai.rectification.policy;

import io.zhenggai.api.publication.PublicationEvents.NoticePublishedEvent;
import io.zhenggai.api.rectification.RectificationCommands.CarryAsHistoryCommand;
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

/**
 * A notice published as history ({@code historical}: it was published in the past and is carried over now) dates the
 * case it reports on: the rectification of its inspection is carried as history as of the notice's date (the start
 * of its public window), so the case is judged on that date, never on the real today (ADR 0018). A notice that is not
 * historical changes nothing. Nothing here calls the publication module: everything comes from the event.
 * <p>
 * Idempotent (the same date again records nothing); a rectification that does not exist or refuses the date is
 * logged and skipped (a notice never stops this processor); failures of the infrastructure propagate and are retried.
 */
@Component
@ProcessingGroup(HistoricalNoticePolicy.GROUP)
@DisallowReplay
public class HistoricalNoticePolicy {

    public static final String GROUP = "rectification-history-policy";
    private static final Logger log = LoggerFactory.getLogger(HistoricalNoticePolicy.class);

    private final CommandGateway commands;

    public HistoricalNoticePolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(NoticePublishedEvent e) {
        if (!e.historical() || e.inspectionId() == null || e.windowStart() == null) {
            return;
        }
        try {
            commands.sendAndWait(new CarryAsHistoryCommand(RectificationIds.forInspection(e.inspectionId()), e.windowStart(),
                    null, e.noticeId(), null));
        } catch (AggregateNotFoundException | NotFoundException noRectification) {
            log.warn("Historical notice {}: inspection {} has no rectification to date", e.noticeId(), e.inspectionId());
        } catch (RuleViolationException refused) {
            log.warn("Historical notice {}: the rectification of {} refused its date {}: {}", e.noticeId(), e.inspectionId(),
                    e.windowStart(), refused.getMessage());
        } catch (JSR303ViolationException malformed) {
            log.warn("Historical notice {}: its date cannot carry the rectification of {} as history: {}", e.noticeId(),
                    e.inspectionId(), CommandShape.describe(malformed));
        }
    }
}
