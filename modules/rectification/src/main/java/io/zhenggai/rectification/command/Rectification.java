package io.zhenggai.rectification.command;

import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateEntityNotFoundException;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static io.zhenggai.platform.text.Blanks.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 整改: the rectification of one inspection's findings, owned by the inspected unit. The root opens the
 * rectification, adds items, adopts the plan, carries the case as history and fires overdue deadlines; its entities do
 * the rest: {@link Findings}, the {@link LeadershipGroup}, the {@link Item}s (each with its {@link Measure}s and its
 * {@link CloseOffReview}) and the {@link MeetingsOfRecord}. Axon routes an item's commands to the item named by
 * {@code itemId} (a measure's by {@code measureId}); an id the aggregate does not know is "not found".
 * <p>
 * Invariants: business dates are neither in the future nor before the feedback date; before the plan is adopted it
 * is a draft that can be edited freely, afterwards every change carries a reason; the plan is adopted only with a
 * group leader, every finding served by an item, and every item with measures and responsibility. An unfinished item
 * with a due date has a persistent deadline at the start of the day after its due date; when it fires the system
 * records the item overdue. Command handlers return the aggregate's new version (the HTTP ETag).
 */
@Aggregate
class Rectification {

    @AggregateIdentifier
    private String rectificationId;
    private LocalDate feedbackDate;
    /** 巡视 or 巡察: the words of this rectification's messages. */
    private InspectionKind inspectionKind = InspectionKind.DEFAULT;
    private String inspectionId;
    /** Carried as history: judged as of this date (null: judged as of today). */
    private LocalDate asOfDate;
    /** The historical notice the as-of date comes from; null when a person stated it. */
    private String asOfNoticeId;
    private boolean planAdopted;
    @AggregateMember
    private final Findings findings = new Findings(this);
    @AggregateMember
    private final LeadershipGroup group = new LeadershipGroup(this);
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Item> items = new LinkedHashMap<>();
    private int itemsAdded;
    @AggregateMember
    private final MeetingsOfRecord meetings = new MeetingsOfRecord(this);
    /** Ids of progress records and of evidence, unique across the rectification. */
    private final Set<String> progressIds = new HashSet<>();
    private final Set<String> evidenceIds = new HashSet<>();

    protected Rectification() {
        // required by Axon
    }

    // ---------------------------------------------------------------- opening

    /** Opens the rectification; a second command for the same id (a redelivered event) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(OpenRectificationCommand cmd) {
        if (rectificationId != null) {
            return getVersion();
        }
        List<LedgerCategory> categories = nullSafe(cmd.categories()).stream()
                .map(c -> new LedgerCategory(c.categoryId(), c.ordinal(), c.title(), nullSafe(c.findings()).stream()
                        .map(f -> new LedgerFinding(f.findingId(), f.ordinal(), f.title(), f.description(),
                                List.copyOf(nullSafe(f.manifestations()))))
                        .toList()))
                .toList();
        apply(new RectificationOpenedEvent(cmd.rectificationId(), cmd.inspectionId(), cmd.roundId(), cmd.inspectingBody(),
                cmd.inspectedUnit(), cmd.mandate(), List.copyOf(nullSafe(cmd.legalBasis())), cmd.fieldworkStart(),
                cmd.fieldworkEnd(), cmd.feedbackDate(), categories, cmd.kind(), cmd.form(), cmd.level()));
        return getVersion();
    }

    // ---------------------------------------------------------------- the plan

    @CommandHandler
    Long handle(AddItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        requireState(!items.containsKey(cmd.itemId()), "ITEM_EXISTS", "整改事项已存在：" + cmd.itemId());
        List<String> findingIds = findings.requireServed(cmd.findingIds());
        requireKindAndDue(cmd.kind(), cmd.dueDate());
        LeadershipGroup.Member leader = cmd.responsibleLeaderId() == null ? null
                : group.requireLeader(cmd.responsibleLeaderId());
        if (planAdopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，新增整改事项必须说明理由");
        }
        List<NewMeasure> measures = nullSafe(cmd.measures());
        Set<String> measureIds = new HashSet<>();
        for (NewMeasure m : measures) {
            require(measureIds.add(m.measureId()), "MEASURE_ID_DUPLICATE", "整改措施编号重复：" + m.measureId());
        }
        apply(new ItemAddedEvent(rectificationId, cmd.itemId(), itemsAdded + 1, findingIds, cmd.title(), cmd.kind(),
                cmd.dueDate(), leader == null ? null : leader.memberId, leader == null ? null : leader.name,
                blankToNull(cmd.responsibleDepartment()), blankToNull(cmd.handler()), planAdopted, blankToNull(cmd.reason())));
        int ordinal = 0;
        for (NewMeasure m : measures) {
            apply(new MeasureAddedEvent(rectificationId, cmd.itemId(), m.measureId(), ++ordinal, m.text(), planAdopted,
                    blankToNull(cmd.reason())));
        }
        items.get(cmd.itemId()).syncDeadline(Item.DeadlineBefore.NONE, deadlines, clock);
        return getVersion();
    }

    /**
     * A finance violation escalated to this rectification becomes an immediate item (立行立改, no due date: the money
     * is to be returned at once) with the deterministic id {@code viol-<violationId>}, so a redelivered event changes
     * nothing. It serves the finding the escalation names; when it names none, or one the ledger does not know, the
     * violation is first recorded as a supplementary finding of its own. After adoption the item is a recorded change
     * with the reason 财务违规升级：violationId; its measures and responsibility are then the rectifier's to add (before
     * adoption the plan cannot be adopted without them). The words are {@link ViolationFindings}'.
     */
    @CommandHandler
    Long handle(TakeOverViolationCommand cmd, Clock clock) {
        String itemId = ViolationFindings.itemId(cmd.violationId());
        if (items.containsKey(itemId)) {
            return getVersion();
        }
        String what = ViolationFindings.what(cmd);
        LocalDate date = cmd.escalatedOn() != null ? cmd.escalatedOn() : LocalDate.now(clock);
        String findingId = present(cmd.findingId()) ? cmd.findingId().strip() : null;
        if (findingId == null || !findings.contains(findingId)) {
            String unknown = ViolationFindings.unknownFinding(findingId);
            findingId = itemId;
            findings.recordSupplementary(findingId, null, ViolationFindings.findingTitle(what),
                    ViolationFindings.description(cmd, what) + unknown, FindingSource.FINANCE_VIOLATION,
                    cmd.violationId(), date);
        }
        apply(new ItemAddedEvent(rectificationId, itemId, itemsAdded + 1, List.of(findingId),
                ViolationFindings.itemTitle(what), ItemKind.IMMEDIATE, null, null, null, null, null, planAdopted,
                ViolationFindings.reason(cmd.violationId())));
        return getVersion();
    }

    @CommandHandler
    Long handle(AdoptPlanCommand cmd, Clock clock) {
        requireState(!planAdopted, "PLAN_ALREADY_ADOPTED", "整改方案已通过");
        requireBusinessDate(cmd.date(), clock, "方案通过日期");
        require(group.hasLeader(), "GROUP_LEADER_MISSING", "尚未任命整改工作领导小组组长，方案不能通过（主体责任）");
        List<Item> active = items.values().stream().filter(i -> !i.removed()).toList();
        require(!active.isEmpty(), "PLAN_EMPTY", "整改方案没有整改事项");
        Set<String> served = active.stream().flatMap(i -> i.findingIds().stream()).collect(Collectors.toSet());
        List<String> uncovered = findings.notServedBy(served);
        require(uncovered.isEmpty(), "FINDINGS_NOT_COVERED", "以下反馈问题还没有整改事项：" + String.join("；", uncovered));
        List<String> withoutMeasures = active.stream().filter(i -> i.measureCount() == 0).map(Item::title).toList();
        require(withoutMeasures.isEmpty(), "ITEMS_WITHOUT_MEASURES", "以下整改事项还没有整改措施：" + String.join("；", withoutMeasures));
        List<String> withoutResponsibility = active.stream().filter(i -> !i.hasResponsibility()).map(Item::title).toList();
        require(withoutResponsibility.isEmpty(), "RESPONSIBILITY_MISSING",
                "以下整改事项还没有责任领导或责任部门：" + String.join("；", withoutResponsibility));
        int measureCount = active.stream().mapToInt(Item::measureCount).sum();
        apply(new PlanAdoptedEvent(rectificationId, cmd.title(), blankToNull(cmd.documentNumber()), cmd.date(),
                active.size(), measureCount));
        return getVersion();
    }

    // ---------------------------------------------------------------- carried as history and overdue deadlines

    /**
     * Carries the case as history, judged as of a date: not in the future, not before the feedback. A person states it
     * with a reason; a historical notice states it by its date, and never replaces a date a person stated. The same
     * date again changes nothing.
     */
    @CommandHandler
    Long handle(CarryAsHistoryCommand cmd, Clock clock) {
        boolean fromNotice = present(cmd.noticeId());
        if (fromNotice && asOfDate != null && asOfNoticeId == null) {
            return getVersion(); // a date stated by a person stands
        }
        requireBusinessDate(cmd.asOfDate(), clock, "历史数据截止日期");
        require(fromNotice || present(cmd.reason()), "REASON_REQUIRED", "按历史日期评判整改进度必须说明理由");
        if (cmd.asOfDate().equals(asOfDate) && Objects.equals(blankToNull(cmd.noticeId()), asOfNoticeId)) {
            return getVersion();
        }
        String reason = present(cmd.reason()) ? cmd.reason().strip() : "依据补录的历史通报（" + cmd.noticeId() + "）";
        apply(new CarriedAsHistoryEvent(rectificationId, inspectionId, cmd.asOfDate(), reason, blankToNull(cmd.noticeId())));
        return getVersion();
    }

    /**
     * The due date of an item passed. Stale deadlines (the item was extended, completed, closed off or removed
     * meanwhile) record nothing. The event is the system's: its metadata names the user {@code system}.
     */
    @DeadlineHandler
    void on(ItemOverdueDeadline deadline, MetaData metaData, @MessageIdentifier String deadlineMessageId) {
        Item item = items.get(deadline.itemId());
        if (item == null || !item.overdueFor(deadline)) {
            return;
        }
        if (asOfDate != null && !item.currentDue().isBefore(asOfDate)) {
            return; // carried as history: as of its date this item was not overdue
        }
        Object correlation = metaData.get(MetadataKeys.CORRELATION_ID);
        apply(new ItemBecameOverdueEvent(rectificationId, item.id(), item.currentDue(), item.currentDue().plusDays(1),
                        item.status()),
                MetaData.with(MetadataKeys.USER, MetadataKeys.SYSTEM_USER)
                        .and(MetadataKeys.COMMAND_NAME, ItemOverdueDeadline.class.getSimpleName())
                        .and(MetadataKeys.CAUSATION_ID, deadlineMessageId)
                        .and(MetadataKeys.CORRELATION_ID, correlation != null ? correlation : deadlineMessageId));
    }

    /**
     * A command for an item or measure the aggregate does not hold (Axon finds no entity to route it to) is "not
     * found", as a removed item is.
     */
    @CommandHandlerInterceptor
    Object unknownEntityIsNotFound(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateEntityNotFoundException e) {
            String itemId = component(command.getPayload(), "itemId");
            throw itemId == null || items.containsKey(itemId)
                    ? new NotFoundException("measure", component(command.getPayload(), "measureId"))
                    : new NotFoundException("rectification item", itemId);
        }
    }

    private static String component(Object command, String name) {
        if (command instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return (String) component.getAccessor().invoke(record);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- what the entities ask

    String id() {
        return rectificationId;
    }

    boolean planAdopted() {
        return planAdopted;
    }

    InspectionKind inspectionKind() {
        return inspectionKind;
    }

    Findings findings() {
        return findings;
    }

    LeadershipGroup group() {
        return group;
    }

    boolean knowsProgress(String progressId) {
        return progressIds.contains(progressId);
    }

    boolean knowsEvidence(String evidenceId) {
        return evidenceIds.contains(evidenceId);
    }

    /** The titles of the items, not removed and not closed off, the member answers for. */
    List<String> openItemsLedBy(String memberId) {
        return items.values().stream().filter(i -> !i.removed() && !i.closedOff() && i.ledBy(memberId))
                .map(Item::title).toList();
    }

    /** A business date: required, not in the future, not before the feedback was delivered. */
    void requireBusinessDate(LocalDate date, Clock clock, String what) {
        BusinessDates.requireNotInFuture(date, clock, what);
        require(feedbackDate == null || !date.isBefore(feedbackDate), "DATE_BEFORE_FEEDBACK",
                what + "（" + date + "）不能早于" + inspectionKind.feedback() + "日期（" + feedbackDate + "）");
    }

    void requireKindAndDue(ItemKind kind, LocalDate dueDate) {
        ItemRules.requireKindAndDue(kind, dueDate, feedbackDate, inspectionKind);
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    // ---------------------------------------------------------------- state from events

    @EventSourcingHandler
    void on(RectificationOpenedEvent e) {
        rectificationId = e.rectificationId();
        inspectionId = e.inspectionId();
        inspectionKind = InspectionKind.orDefault(e.kind());
        feedbackDate = e.feedbackDate();
    }

    @EventSourcingHandler
    void on(ItemAddedEvent e) {
        items.put(e.itemId(), new Item(this, e));
        itemsAdded++;
    }

    @EventSourcingHandler
    void on(PlanAdoptedEvent e) {
        planAdopted = true;
    }

    @EventSourcingHandler
    void on(ProgressRecordedEvent e) {
        progressIds.add(e.progressId());
        for (Evidence ev : e.evidence()) {
            evidenceIds.add(ev.evidenceId());
        }
    }

    @EventSourcingHandler
    void on(CarriedAsHistoryEvent e) {
        asOfDate = e.asOfDate();
        asOfNoticeId = e.noticeId();
    }
}
