package io.zhenggai.inspection.command;

import io.zhenggai.api.inspection.InspectionCommands.CreateRoundCommand;
import io.zhenggai.api.inspection.InspectionEvents.RoundCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** 轮次 (round): groups the inspections of many units in one period (e.g. 十三届区委第三轮巡察). */
@Aggregate
class InspectionRound {

    @AggregateIdentifier
    private String roundId;

    protected InspectionRound() {
    }

    @CommandHandler
    InspectionRound(CreateRoundCommand cmd) {
        require(cmd.periodStart() == null || cmd.periodEnd() == null || !cmd.periodEnd().isBefore(cmd.periodStart()),
                "ROUND_PERIOD_INVALID", "轮次结束日期不能早于开始日期");
        apply(new RoundCreatedEvent(cmd.roundId(), cmd.name(), cmd.organizer(), cmd.periodStart(), cmd.periodEnd()));
    }

    @EventSourcingHandler
    void on(RoundCreatedEvent e) {
        roundId = e.roundId();
    }
}
