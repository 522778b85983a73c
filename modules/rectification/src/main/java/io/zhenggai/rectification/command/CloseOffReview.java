package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.ApproveCloseOffCommand;
import io.zhenggai.api.rectification.RectificationCommands.ReopenItemCommand;
import io.zhenggai.api.rectification.RectificationCommands.RequestCloseOffCommand;
import io.zhenggai.api.rectification.RectificationCommands.ReturnCloseOffCommand;
import io.zhenggai.api.rectification.RectificationEvents.CloseOffApprovedEvent;
import io.zhenggai.api.rectification.RectificationEvents.CloseOffRequestedEvent;
import io.zhenggai.api.rectification.RectificationEvents.CloseOffReturnedEvent;
import io.zhenggai.api.rectification.RectificationEvents.EvidenceRef;
import io.zhenggai.api.rectification.RectificationEvents.ItemReopenedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static io.zhenggai.platform.text.Blanks.blankToNull;
import static io.zhenggai.rectification.command.Rectification.nullSafe;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 销号: the close-off review of one {@link Item}, an entity of it. The office asks for close-off of a done item on the
 * strength of its evidence; a unit leader approves (recording exactly the evidence requested) or returns it with a
 * reason, neither before the request; a look-back review (回头看) reopens a closed-off item with a reason.
 */
class CloseOffReview {

    private final Item item;
    private CloseOffState state = CloseOffState.NONE;
    private LocalDate requestDate;
    private List<EvidenceRef> requestedEvidence = List.of();
    private LocalDate closedOffDate;

    CloseOffReview(Item item) {
        this.item = item;
    }

    @CommandHandler
    Long handle(RequestCloseOffCommand cmd, Clock clock) {
        item.requireActive();
        requireNotClosedOff();
        requireState(!pending(), "CLOSE_OFF_PENDING", "该整改事项已申请销号，正在审核");
        requireState(item.status().done(), "ITEM_NOT_DONE",
                "整改事项尚未完成（当前状态：" + item.status().label() + "），不能申请销号");
        item.rectification().requireBusinessDate(cmd.businessDate(), clock, "申请销号日期");
        List<String> ids = nullSafe(cmd.evidenceIds()).isEmpty() ? List.copyOf(item.evidence().keySet()) : cmd.evidenceIds();
        require(!ids.isEmpty(), "EVIDENCE_REQUIRED", "申请销号必须附整改佐证材料");
        Set<String> unique = new LinkedHashSet<>(ids);
        require(unique.size() == ids.size(), "EVIDENCE_DUPLICATE", "佐证材料重复");
        List<EvidenceRef> refs = new ArrayList<>();
        for (String id : unique) {
            EvidenceRef ref = item.evidence().get(id);
            require(ref != null, "EVIDENCE_UNKNOWN", "佐证材料不属于该整改事项：" + id);
            refs.add(ref);
        }
        apply(new CloseOffRequestedEvent(item.rectification().id(), item.id(), cmd.businessDate(),
                blankToNull(cmd.summary()), List.copyOf(refs)));
        return getVersion();
    }

    @CommandHandler
    Long handle(ApproveCloseOffCommand cmd, DeadlineManager deadlines, Clock clock) {
        item.requireActive();
        requireState(pending(), "NO_CLOSE_OFF_REQUEST", "该整改事项没有待审核的销号申请");
        item.rectification().requireBusinessDate(cmd.businessDate(), clock, "销号审批日期");
        require(!cmd.businessDate().isBefore(requestDate), "DATE_BEFORE_REQUEST",
                "审批日期（" + cmd.businessDate() + "）不能早于申请日期（" + requestDate + "）");
        if (cmd.evidenceIds() != null && !cmd.evidenceIds().isEmpty()) {
            Set<String> requested = requestedEvidence.stream().map(EvidenceRef::evidenceId).collect(Collectors.toSet());
            requireState(requested.equals(new HashSet<>(cmd.evidenceIds())), "EVIDENCE_MISMATCH",
                    "审批所依据的佐证材料与销号申请所附材料不一致，请刷新后重新审核");
        }
        Item.DeadlineBefore before = item.deadlineBefore();
        apply(new CloseOffApprovedEvent(item.rectification().id(), item.id(), cmd.businessDate(),
                blankToNull(cmd.comment()), requestedEvidence));
        item.syncDeadline(before, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(ReturnCloseOffCommand cmd, Clock clock) {
        item.requireActive();
        requireState(pending(), "NO_CLOSE_OFF_REQUEST", "该整改事项没有待审核的销号申请");
        item.rectification().requireBusinessDate(cmd.businessDate(), clock, "退回日期");
        require(!cmd.businessDate().isBefore(requestDate), "DATE_BEFORE_REQUEST",
                "退回日期（" + cmd.businessDate() + "）不能早于申请日期（" + requestDate + "）");
        apply(new CloseOffReturnedEvent(item.rectification().id(), item.id(), cmd.businessDate(), cmd.reason()));
        return getVersion();
    }

    @CommandHandler
    Long handle(ReopenItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        item.requireActive();
        requireState(closedOff(), "ITEM_NOT_CLOSED_OFF", "该整改事项尚未销号，无需重新打开");
        item.rectification().requireBusinessDate(cmd.businessDate(), clock, "回头看日期");
        require(!cmd.businessDate().isBefore(closedOffDate), "DATE_BEFORE_CLOSE_OFF",
                "回头看日期（" + cmd.businessDate() + "）不能早于销号日期（" + closedOffDate + "）");
        Item.DeadlineBefore before = item.deadlineBefore();
        apply(new ItemReopenedEvent(item.rectification().id(), item.id(), cmd.businessDate(), cmd.reason(),
                ItemStatus.IN_PROGRESS));
        item.syncDeadline(before, deadlines, clock);
        return getVersion();
    }

    boolean pending() {
        return state == CloseOffState.REQUESTED;
    }

    boolean closedOff() {
        return state == CloseOffState.CLOSED_OFF;
    }

    void requireNotClosedOff() {
        requireState(!closedOff(), "ITEM_CLOSED_OFF",
                "整改事项已于" + closedOffDate + "销号，如需继续整改请先经“回头看”重新打开");
    }

    @EventSourcingHandler
    void on(CloseOffRequestedEvent e) {
        state = CloseOffState.REQUESTED;
        requestDate = e.businessDate();
        requestedEvidence = e.evidence();
    }

    @EventSourcingHandler
    void on(CloseOffApprovedEvent e) {
        state = CloseOffState.CLOSED_OFF;
        closedOffDate = e.businessDate();
    }

    @EventSourcingHandler
    void on(CloseOffReturnedEvent e) {
        state = CloseOffState.NONE;
        requestedEvidence = List.of();
    }

    @EventSourcingHandler
    void on(ItemReopenedEvent e) {
        state = CloseOffState.NONE;
        requestedEvidence = List.of();
    }

    /** Value equality (without the item), so that Axon's fixture compares state from commands and from events. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CloseOffReview r && state == r.state && Objects.equals(requestDate, r.requestDate)
                && Objects.equals(requestedEvidence, r.requestedEvidence) && Objects.equals(closedOffDate, r.closedOffDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, requestDate, closedOffDate);
    }
}
