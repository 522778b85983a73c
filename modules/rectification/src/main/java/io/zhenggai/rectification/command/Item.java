package io.zhenggai.rectification.command;

import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.EntityId;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static io.zhenggai.platform.text.Blanks.blankToNull;
import static io.zhenggai.rectification.command.Rectification.nullSafe;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 整改事项: one item of the plan, an entity of {@link Rectification} addressed by its {@code itemId}, with its measures
 * and its close-off review. Before adoption it is a draft, edited and removed freely; afterwards every change carries a
 * reason, it is never removed, and its due date moves only by an approved extension. Progress is recorded only on an
 * adopted plan and never while a close-off is pending; an ongoing item is never "completed". An unfinished item with
 * a due date waits on a persistent deadline ({@link OverdueDeadlines}); a removed item is kept (its id stays taken)
 * but is not found.
 */
class Item {

    private final Rectification rectification;
    @EntityId
    private final String itemId;
    private List<String> findingIds;
    private String title;
    private ItemKind kind;
    private LocalDate originalDue;
    private LocalDate currentDue;
    private int extensions;
    private String leaderId;
    private String department;
    private String handler;
    private ItemStatus status = ItemStatus.NOT_STARTED;
    private boolean overdue;
    private boolean removed;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Measure> measures = new LinkedHashMap<>();
    private int measuresAdded;
    /** The evidence recorded with this item's progress, in order. */
    private final Map<String, EvidenceRef> evidence = new LinkedHashMap<>();
    @AggregateMember
    private final CloseOffReview closeOff = new CloseOffReview(this);

    Item(Rectification rectification, ItemAddedEvent e) {
        this.rectification = rectification;
        this.itemId = e.itemId();
        this.findingIds = e.findingIds();
        this.title = e.title();
        this.kind = e.kind();
        this.originalDue = e.dueDate();
        this.currentDue = e.dueDate();
        this.leaderId = e.responsibleLeaderId();
        this.department = e.responsibleDepartment();
        this.handler = e.handler();
    }

    // ---------------------------------------------------------------- the plan

    @CommandHandler
    Long handle(ReviseItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        requireOpen();
        List<String> served = rectification.findings().requireServed(cmd.findingIds());
        rectification.requireKindAndDue(cmd.kind(), cmd.dueDate());
        boolean adopted = rectification.planAdopted();
        if (adopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，修改整改事项必须说明理由");
            requireState(currentDue == null || cmd.dueDate() == null || currentDue.equals(cmd.dueDate()),
                    "USE_EXTENSION", "整改方案已通过，完成时限只能经审批延期（当前时限 " + currentDue + "）");
        }
        require(!(title.equals(cmd.title()) && findingIds.equals(served) && kind == cmd.kind()
                && Objects.equals(currentDue, cmd.dueDate())), "NO_CHANGE", "修改内容与现有整改事项相同");
        ItemRules.requireStatusFits(cmd.kind(), status);
        DeadlineBefore before = deadlineBefore();
        apply(new ItemRevisedEvent(rectification.id(), itemId, served, cmd.title(), cmd.kind(), cmd.dueDate(), adopted,
                blankToNull(cmd.reason())));
        syncDeadline(before, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(RemoveItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        requireActive();
        requireState(!rectification.planAdopted(), "PLAN_ADOPTED", "整改方案已通过，整改事项不能删除，只能说明理由后修改");
        DeadlineBefore before = deadlineBefore();
        apply(new ItemRemovedEvent(rectification.id(), itemId, blankToNull(cmd.reason())));
        syncDeadline(before, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(AddMeasureCommand cmd) {
        requireOpen();
        requireState(!measures.containsKey(cmd.measureId()), "MEASURE_EXISTS", "整改措施已存在：" + cmd.measureId());
        boolean adopted = rectification.planAdopted();
        if (adopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，新增整改措施必须说明理由");
        }
        apply(new MeasureAddedEvent(rectification.id(), itemId, cmd.measureId(), measuresAdded + 1, cmd.text(), adopted,
                blankToNull(cmd.reason())));
        return getVersion();
    }

    @CommandHandler
    Long handle(RemoveMeasureCommand cmd) {
        requireOpen();
        Measure measure = measures.get(cmd.measureId());
        if (measure == null) {
            throw new NotFoundException("measure", cmd.measureId());
        }
        boolean adopted = rectification.planAdopted();
        if (adopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，删除整改措施必须说明理由");
            requireState(!measure.hasProgress(), "MEASURE_HAS_PROGRESS", "该整改措施已有进展记录，不能删除");
            requireState(measures.size() > 1, "LAST_MEASURE", "整改方案已通过，整改事项至少要保留一项措施");
        }
        apply(new MeasureRemovedEvent(rectification.id(), itemId, measure.id(), adopted, blankToNull(cmd.reason())));
        return getVersion();
    }

    @CommandHandler
    Long handle(AssignResponsibilityCommand cmd) {
        requireOpen();
        LeadershipGroup.Member leader = rectification.group().requireLeader(cmd.responsibleLeaderId());
        String newHandler = blankToNull(cmd.handler());
        require(!(leader.memberId.equals(leaderId) && cmd.responsibleDepartment().equals(department)
                && Objects.equals(newHandler, handler)), "NO_CHANGE", "责任分工没有变化");
        boolean adopted = rectification.planAdopted();
        if (adopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，调整责任分工必须说明理由");
        }
        apply(new ResponsibilityAssignedEvent(rectification.id(), itemId, leader.memberId, leader.name,
                cmd.responsibleDepartment(), newHandler, leaderId, rectification.group().nameOf(leaderId),
                department, handler, adopted, blankToNull(cmd.reason())));
        return getVersion();
    }

    // ---------------------------------------------------------------- progress and deadlines

    @CommandHandler
    Long handle(RecordProgressCommand cmd, DeadlineManager deadlines, Clock clock) {
        requireState(rectification.planAdopted(), "PLAN_NOT_ADOPTED", "整改方案尚未通过，不能记录整改进展");
        requireOpen();
        requireState(!closeOff.pending(), "CLOSE_OFF_PENDING", "该整改事项的销号申请正在审核，请待审核退回后再记录进展");
        requireState(!rectification.knowsProgress(cmd.progressId()), "PROGRESS_EXISTS",
                "进展记录已存在：" + cmd.progressId());
        rectification.requireBusinessDate(cmd.businessDate(), clock, "进展日期");
        List<Evidence> evidenceList = nullSafe(cmd.evidence());
        require(present(cmd.text()) || !evidenceList.isEmpty(), "PROGRESS_EMPTY", "进展记录必须有文字说明或佐证材料");
        ItemStatus itemStatus;
        ItemStatus measureStatus = null;
        if (cmd.measureId() == null) {
            require(cmd.itemStatus() == null || cmd.itemStatus() == cmd.status(), "STATUS_AMBIGUOUS",
                    "记录整改事项进展时只能给出一个状态");
            itemStatus = cmd.status();
        } else {
            if (!measures.containsKey(cmd.measureId())) {
                throw new NotFoundException("measure", cmd.measureId());
            }
            ItemRules.requireLongTermOnlyForOngoing(kind, cmd.status());
            measureStatus = cmd.status();
            itemStatus = cmd.itemStatus() != null ? cmd.itemStatus()
                    : status == ItemStatus.NOT_STARTED && cmd.status() != ItemStatus.NOT_STARTED
                    ? ItemStatus.IN_PROGRESS : status;
        }
        ItemRules.requireStatusFits(kind, itemStatus);
        EvidenceRules.validate(evidenceList, rectification::knowsEvidence, clock);
        DeadlineBefore before = deadlineBefore();
        apply(new ProgressRecordedEvent(rectification.id(), cmd.progressId(), itemId, cmd.measureId(), cmd.businessDate(),
                measureStatus, itemStatus, status, blankToNull(cmd.text()), List.copyOf(evidenceList)));
        syncDeadline(before, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(ExtendDeadlineCommand cmd, DeadlineManager deadlines, Clock clock) {
        requireOpen();
        requireState(currentDue != null, "NO_DUE_DATE", "该整改事项没有完成时限，无需延期");
        requireState(!status.done(), "ITEM_DONE", "该整改事项已完成，无需延期");
        require(cmd.newDueDate().isAfter(currentDue), "EXTENSION_NOT_LATER",
                "延期后的完成时限必须晚于当前时限（" + currentDue + "）");
        rectification.requireBusinessDate(cmd.businessDate(), clock, "延期审批日期");
        DeadlineBefore before = deadlineBefore();
        apply(new DeadlineExtendedEvent(rectification.id(), itemId, extensions + 1, originalDue, currentDue,
                cmd.newDueDate(), cmd.businessDate(), cmd.reason(), cmd.approver()));
        syncDeadline(before, deadlines, clock);
        return getVersion();
    }

    /** An unfinished item with a due date, not yet recorded overdue for it, waits on a deadline. */
    boolean needsDeadline() {
        return !removed && currentDue != null && kind != ItemKind.ONGOING && !status.done() && !closeOff.closedOff()
                && !overdue;
    }

    /** Whether the item's deadline fired for the due date it still has. */
    boolean overdueFor(ItemOverdueDeadline deadline) {
        return needsDeadline() && deadline.dueDate().equals(currentDue);
    }

    /** Whether the deadline and its due date changed by a command. */
    record DeadlineBefore(boolean wanted, LocalDate due) {
        static final DeadlineBefore NONE = new DeadlineBefore(false, null);
    }

    DeadlineBefore deadlineBefore() {
        return new DeadlineBefore(needsDeadline(), currentDue);
    }

    /** Keeps the persistent deadline in step: cancel when no longer needed or moved, schedule when needed. */
    void syncDeadline(DeadlineBefore before, DeadlineManager deadlines, Clock clock) {
        boolean wants = needsDeadline();
        boolean moved = !Objects.equals(before.due(), currentDue);
        String name = OverdueDeadlines.deadlineName(itemId);
        if (before.wanted() && (!wants || moved)) {
            deadlines.cancelAllWithinScope(name);
        }
        if (wants && (!before.wanted() || moved)) {
            deadlines.schedule(OverdueDeadlines.deadlineInstant(currentDue, clock), name,
                    new GenericMessage<>(new ItemOverdueDeadline(itemId, currentDue),
                            MetaData.with(MetadataKeys.USER, MetadataKeys.SYSTEM_USER)));
        }
    }

    // ---------------------------------------------------------------- what the other parts ask

    Rectification rectification() {
        return rectification;
    }

    String id() {
        return itemId;
    }

    String title() {
        return title;
    }

    ItemStatus status() {
        return status;
    }

    LocalDate currentDue() {
        return currentDue;
    }

    boolean removed() {
        return removed;
    }

    boolean closedOff() {
        return closeOff.closedOff();
    }

    List<String> findingIds() {
        return findingIds;
    }

    int measureCount() {
        return measures.size();
    }

    boolean hasResponsibility() {
        return leaderId != null && department != null;
    }

    boolean ledBy(String memberId) {
        return memberId.equals(leaderId);
    }

    /** The evidence of this item's progress, in the order recorded. */
    Map<String, EvidenceRef> evidence() {
        return evidence;
    }

    /** Not removed: a removed item is not found. */
    void requireActive() {
        if (removed) {
            throw new NotFoundException("rectification item", itemId);
        }
    }

    /** Not removed and not closed off: a closed-off item changes only after a look-back review reopens it. */
    void requireOpen() {
        requireActive();
        closeOff.requireNotClosedOff();
    }

    // ---------------------------------------------------------------- state from events

    @EventSourcingHandler
    void on(ItemRevisedEvent e) {
        findingIds = e.findingIds();
        title = e.title();
        kind = e.kind();
        if (!Objects.equals(currentDue, e.dueDate())) {
            overdue = false;
        }
        if (!e.afterAdoption() || originalDue == null) {
            originalDue = e.dueDate();
        }
        currentDue = e.dueDate();
    }

    @EventSourcingHandler
    void on(ItemRemovedEvent e) {
        removed = true;
    }

    @EventSourcingHandler
    void on(MeasureAddedEvent e) {
        measures.put(e.measureId(), new Measure(this, e.measureId(), e.text()));
        measuresAdded++;
    }

    @EventSourcingHandler
    void on(MeasureRemovedEvent e) {
        measures.remove(e.measureId());
    }

    @EventSourcingHandler
    void on(ResponsibilityAssignedEvent e) {
        leaderId = e.responsibleLeaderId();
        department = e.responsibleDepartment();
        handler = e.handler();
    }

    @EventSourcingHandler
    void on(ProgressRecordedEvent e) {
        status = e.itemStatus();
        for (Evidence ev : e.evidence()) {
            evidence.put(ev.evidenceId(), new EvidenceRef(ev.evidenceId(), ev.kind(),
                    ev.file() == null ? null : ev.file().sha256()));
        }
    }

    @EventSourcingHandler
    void on(ItemReopenedEvent e) {
        status = e.status();
    }

    @EventSourcingHandler
    void on(DeadlineExtendedEvent e) {
        extensions = e.extension();
        currentDue = e.newDueDate();
        overdue = false;
    }

    @EventSourcingHandler
    void on(ItemBecameOverdueEvent e) {
        overdue = true;
    }

    /** Value equality (without the root), so that Axon's fixture compares state from commands and from events. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Item i && itemId.equals(i.itemId) && Objects.equals(findingIds, i.findingIds)
                && Objects.equals(title, i.title) && kind == i.kind && Objects.equals(originalDue, i.originalDue)
                && Objects.equals(currentDue, i.currentDue) && extensions == i.extensions
                && Objects.equals(leaderId, i.leaderId) && Objects.equals(department, i.department)
                && Objects.equals(handler, i.handler) && status == i.status && overdue == i.overdue
                && removed == i.removed && measures.equals(i.measures) && measuresAdded == i.measuresAdded
                && evidence.equals(i.evidence) && closeOff.equals(i.closeOff);
    }

    @Override
    public int hashCode() {
        return itemId.hashCode();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
