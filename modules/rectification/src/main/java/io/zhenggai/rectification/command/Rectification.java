package io.zhenggai.rectification.command;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static io.zhenggai.platform.text.Blanks.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 整改: the rectification of one inspection's findings, owned by the inspected unit.
 * <p>
 * Invariants: business dates are neither in the future nor before the feedback date; before the plan is adopted it
 * is a draft that can be edited freely, afterwards every change carries a reason and due dates move only by an
 * approved extension; the plan is adopted only with a group leader, every finding served by an item, and every item
 * with measures and responsibility; progress is recorded only on an adopted plan; ongoing items are never
 * "completed"; close-off needs a done item and evidence, and the approval records exactly the evidence requested;
 * a closed-off item changes only after a look-back review reopens it. An unfinished item with a due date has a
 * persistent deadline at the start of the day after its due date; when it fires the system records the item
 * overdue. Command handlers return the aggregate's new version (the HTTP ETag).
 */
@Aggregate
class Rectification {

    static final String OVERDUE_DEADLINE_PREFIX = "rectification-item-overdue:";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_EVIDENCE = 100;

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
    private final Map<String, String> findings = new LinkedHashMap<>(); // findingId -> title
    private final Set<String> takenOverCorrections = new HashSet<>();
    private final Map<String, Integer> categoryOrdinals = new HashMap<>(); // categoryId -> ordinal
    private final Map<String, Integer> findingsPerCategory = new HashMap<>(); // categoryId -> highest finding ordinal
    private final Set<String> supplementarySources = new HashSet<>(); // source + ':' + sourceId
    private final Map<String, Member> members = new LinkedHashMap<>();
    private String officeName;
    private String officeHost;
    private boolean planAdopted;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private int itemsAdded;
    private final Map<String, EvidenceEntry> evidence = new HashMap<>();
    private final Set<String> progressIds = new HashSet<>();
    private final Set<String> meetingIds = new HashSet<>();
    private final Set<String> outcomeIds = new HashSet<>();
    private final ProcessMetricLog processMetrics = new ProcessMetricLog();

    private static final class Member {
        final String memberId;
        String name;
        String position;
        LeadershipRole role;
        LocalDate appointedDate;
        boolean active;

        Member(String memberId) {
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && memberId.equals(m.memberId) && Objects.equals(name, m.name)
                    && Objects.equals(position, m.position) && role == m.role
                    && Objects.equals(appointedDate, m.appointedDate) && active == m.active;
        }

        @Override
        public int hashCode() {
            return memberId.hashCode();
        }
    }

    private static final class Measure {
        final String measureId;
        String text;
        ItemStatus status = ItemStatus.NOT_STARTED;
        boolean hasProgress;

        Measure(String measureId, String text) {
            this.measureId = measureId;
            this.text = text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Measure m && measureId.equals(m.measureId) && Objects.equals(text, m.text)
                    && status == m.status && hasProgress == m.hasProgress;
        }

        @Override
        public int hashCode() {
            return measureId.hashCode();
        }
    }

    private static final class Item {
        final String itemId;
        List<String> findingIds;
        String title;
        ItemKind kind;
        LocalDate originalDue;
        LocalDate currentDue;
        int extensions;
        String leaderId;
        String department;
        String handler;
        ItemStatus status = ItemStatus.NOT_STARTED;
        CloseOffState closeOff = CloseOffState.NONE;
        LocalDate closeOffRequestDate;
        List<EvidenceRef> requestedEvidence = List.of();
        LocalDate closedOffDate;
        boolean overdue;
        boolean removed;
        final Map<String, Measure> measures = new LinkedHashMap<>();
        int measuresAdded;
        final List<String> evidenceIds = new ArrayList<>();

        Item(String itemId) {
            this.itemId = itemId;
        }

        /** Value equality, so that Axon's test fixture can compare state from commands with state from events. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && itemId.equals(i.itemId) && Objects.equals(findingIds, i.findingIds)
                    && Objects.equals(title, i.title) && kind == i.kind && Objects.equals(originalDue, i.originalDue)
                    && Objects.equals(currentDue, i.currentDue) && extensions == i.extensions
                    && Objects.equals(leaderId, i.leaderId) && Objects.equals(department, i.department)
                    && Objects.equals(handler, i.handler) && status == i.status && closeOff == i.closeOff
                    && Objects.equals(closeOffRequestDate, i.closeOffRequestDate)
                    && Objects.equals(requestedEvidence, i.requestedEvidence) && Objects.equals(closedOffDate, i.closedOffDate)
                    && overdue == i.overdue && removed == i.removed && measures.equals(i.measures)
                    && measuresAdded == i.measuresAdded && evidenceIds.equals(i.evidenceIds);
        }

        @Override
        public int hashCode() {
            return itemId.hashCode();
        }

        /** An unfinished item with a due date, not yet recorded overdue for it, waits on a deadline. */
        boolean needsDeadline() {
            return !removed && currentDue != null && kind != ItemKind.ONGOING && !status.done()
                    && closeOff != CloseOffState.CLOSED_OFF && !overdue;
        }
    }

    private record EvidenceEntry(String itemId, String measureId, EvidenceKind kind, String sha256) {
        EvidenceRef ref(String evidenceId) {
            return new EvidenceRef(evidenceId, kind, sha256);
        }
    }

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

    @CommandHandler
    Long handle(TakeOverFindingCorrectionCommand cmd) {
        if (cmd.sourceEventId() != null && takenOverCorrections.contains(cmd.sourceEventId())) {
            return getVersion();
        }
        if (!findings.containsKey(cmd.findingId())) {
            throw new NotFoundException("finding", cmd.findingId());
        }
        apply(new FindingCorrectionTakenOverEvent(rectificationId, cmd.findingId(), cmd.categoryId(), cmd.title(),
                cmd.description(), List.copyOf(nullSafe(cmd.manifestations())), cmd.reason(), cmd.sourceEventId()));
        return getVersion();
    }

    // ---------------------------------------------------------------- supplementary findings and escalations

    /** The id of the item (and, when needed, of the finding) that takes over a finance violation. */
    static String violationItemId(String violationId) {
        return "viol-" + violationId;
    }

    /**
     * A supplementary finding from another context (public feedback turned into a finding). Idempotent by source and
     * source id: a redelivered event changes nothing. Before adoption the finding needs an item like any other (the
     * plan cannot be adopted without one); after adoption it waits for an item added with a reason.
     */
    @CommandHandler
    Long handle(RecordSupplementaryFindingCommand cmd, Clock clock) {
        require(cmd.source() != null && cmd.source() != FindingSource.INSPECTION, "SOURCE_REQUIRED",
                "补充问题必须指明来源（群众反馈或财务违规移交）");
        require(present(cmd.sourceId()), "SOURCE_ID_REQUIRED", "补充问题必须指明来源编号");
        if (supplementarySources.contains(sourceKey(cmd.source(), cmd.sourceId()))) {
            return getVersion();
        }
        require(present(cmd.findingId()), "FINDING_ID_REQUIRED", "问题编号不能为空");
        requireState(!findings.containsKey(cmd.findingId()), "FINDING_EXISTS", "整改台账中已有该问题：" + cmd.findingId());
        require(present(cmd.title()), "FINDING_TITLE_REQUIRED", "问题标题不能为空");
        recordSupplementaryFinding(cmd.findingId(), cmd.categoryId(), cmd.title().strip(), blankToNull(cmd.description()),
                cmd.source(), cmd.sourceId(), cmd.date() != null ? cmd.date() : LocalDate.now(clock));
        return getVersion();
    }

    /**
     * A finance violation escalated to this rectification becomes an immediate item (立行立改, no due date: the money
     * is to be returned at once) with the deterministic id {@code viol-<violationId>}, so a redelivered event changes
     * nothing. It serves the finding the escalation names; when it names none, or one the ledger does not know, the
     * violation is first recorded as a supplementary finding of its own. After adoption the item is a recorded change
     * with the reason 财务违规升级：violationId; its measures and responsibility are then the rectifier's to add (before
     * adoption the plan cannot be adopted without them).
     */
    @CommandHandler
    Long handle(TakeOverViolationCommand cmd, Clock clock) {
        require(present(cmd.violationId()), "VIOLATION_ID_REQUIRED", "违规问题编号不能为空");
        String itemId = violationItemId(cmd.violationId());
        if (items.containsKey(itemId)) {
            return getVersion();
        }
        String what = present(cmd.description()) ? cmd.description().strip()
                : present(cmd.breachDescription()) ? cmd.breachDescription().strip() : "违规问题" + cmd.violationId();
        LocalDate date = cmd.escalatedOn() != null ? cmd.escalatedOn() : LocalDate.now(clock);
        String findingId = present(cmd.findingId()) ? cmd.findingId().strip() : null;
        if (findingId == null || !findings.containsKey(findingId)) {
            String unknown = findingId == null ? "" : "；移交时指明的问题“" + findingId + "”不在本整改台账中";
            findingId = itemId;
            recordSupplementaryFinding(findingId, null, abbreviate("违规支出：" + what, 200),
                    violationDescription(cmd, what) + unknown, FindingSource.FINANCE_VIOLATION, cmd.violationId(), date);
        }
        String reason = "财务违规升级：" + cmd.violationId();
        apply(new ItemAddedEvent(rectificationId, itemId, itemsAdded + 1, List.of(findingId),
                abbreviate("整改违规支出：" + what, 500), ItemKind.IMMEDIATE, null, null, null, null, null, planAdopted,
                reason));
        return getVersion();
    }

    private void recordSupplementaryFinding(String findingId, String categoryId, String title, String description,
                                            FindingSource source, String sourceId, LocalDate date) {
        boolean known = categoryId != null && categoryOrdinals.containsKey(categoryId);
        String category = known ? categoryId : source.supplementaryCategoryId();
        boolean newCategory = !categoryOrdinals.containsKey(category);
        int categoryOrdinal = newCategory
                ? categoryOrdinals.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1
                : categoryOrdinals.get(category);
        apply(new SupplementaryFindingRecordedEvent(rectificationId, findingId, category, categoryOrdinal,
                newCategory ? source.supplementaryCategoryTitle() : null, newCategory,
                findingsPerCategory.getOrDefault(category, 0) + 1, title, description, source, sourceId, date,
                planAdopted));
    }

    private static String violationDescription(TakeOverViolationCommand cmd, String what) {
        StringBuilder text = new StringBuilder(what);
        if (cmd.amount() != null) {
            text.append("；涉及金额").append(cmd.amount().toPlainString()).append("元");
        }
        if (present(cmd.expenseId())) {
            text.append("；支出").append(cmd.expenseId());
            if (cmd.expenseDate() != null) {
                text.append("（").append(cmd.expenseDate()).append("）");
            }
        }
        if (present(cmd.regulationTitle())) {
            String title = cmd.regulationTitle().strip();
            text.append("；依据").append(title.startsWith("《") ? title : "《" + title + "》");
        }
        if (present(cmd.breachDescription()) && !cmd.breachDescription().strip().equals(what)) {
            text.append("；").append(cmd.breachDescription().strip());
        }
        return text.toString();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String sourceKey(FindingSource source, String sourceId) {
        return source.name() + ":" + sourceId;
    }

    // ---------------------------------------------------------------- leadership group and office

    @CommandHandler
    Long handle(NameOfficeCommand cmd) {
        require(present(cmd.name()), "OFFICE_NAME_REQUIRED", "整改办公室名称不能为空");
        require(!(Objects.equals(cmd.name(), officeName) && Objects.equals(cmd.hostDepartment(), officeHost)),
                "NO_CHANGE", "整改办公室信息没有变化");
        apply(new OfficeNamedEvent(rectificationId, cmd.name(), cmd.hostDepartment()));
        return getVersion();
    }

    @CommandHandler
    Long handle(AppointGroupMemberCommand cmd, Clock clock) {
        require(present(cmd.memberId()), "MEMBER_ID_REQUIRED", "成员编号不能为空");
        require(present(cmd.name()), "MEMBER_NAME_REQUIRED", "成员姓名不能为空");
        require(cmd.role() != null, "ROLE_REQUIRED", "必须指明在领导小组中的职务（组长、常务副组长、副组长或成员）");
        Member existing = members.get(cmd.memberId());
        requireState(existing == null || !existing.active, "MEMBER_ALREADY_APPOINTED",
                "该成员已在领导小组中：" + (existing == null ? "" : existing.name));
        if (cmd.role() == LeadershipRole.LEADER || cmd.role() == LeadershipRole.EXECUTIVE_DEPUTY) {
            String holder = members.values().stream().filter(m -> m.active && m.role == cmd.role())
                    .map(m -> m.name).findFirst().orElse(null);
            requireState(holder == null, "ROLE_TAKEN", "领导小组已有" + cmd.role().label() + "：" + holder + "，请先免去其职务");
        }
        requireBusinessDate(cmd.date(), clock, "任命日期");
        apply(new GroupMemberAppointedEvent(rectificationId, cmd.memberId(), cmd.name(), cmd.position(), cmd.role(), cmd.date()));
        return getVersion();
    }

    @CommandHandler
    Long handle(RelieveGroupMemberCommand cmd, Clock clock) {
        Member member = members.get(cmd.memberId());
        if (member == null || !member.active) {
            throw new NotFoundException("group member", cmd.memberId());
        }
        require(present(cmd.reason()), "REASON_REQUIRED", "免去领导小组成员必须说明理由");
        requireBusinessDate(cmd.date(), clock, "免职日期");
        require(!cmd.date().isBefore(member.appointedDate), "DATE_BEFORE_APPOINTMENT",
                "免职日期（" + cmd.date() + "）不能早于任命日期（" + member.appointedDate + "）");
        List<String> open = items.values().stream()
                .filter(i -> !i.removed && i.closeOff != CloseOffState.CLOSED_OFF && cmd.memberId().equals(i.leaderId))
                .map(i -> i.title).toList();
        requireState(open.isEmpty(), "MEMBER_HAS_OPEN_ITEMS",
                member.name + "仍是以下未销号整改事项的责任领导，请先调整责任：" + String.join("；", open));
        apply(new GroupMemberRelievedEvent(rectificationId, member.memberId, member.name, member.role, cmd.date(), cmd.reason()));
        return getVersion();
    }

    // ---------------------------------------------------------------- plan: items and measures

    @CommandHandler
    Long handle(AddItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        require(present(cmd.itemId()), "ITEM_ID_REQUIRED", "整改事项编号不能为空");
        requireState(!items.containsKey(cmd.itemId()), "ITEM_EXISTS", "整改事项已存在：" + cmd.itemId());
        require(present(cmd.title()), "ITEM_TITLE_REQUIRED", "整改事项名称不能为空");
        List<String> findingIds = requireFindings(cmd.findingIds());
        requireKindAndDue(cmd.kind(), cmd.dueDate());
        Member leader = cmd.responsibleLeaderId() == null ? null : requireLeader(cmd.responsibleLeaderId());
        if (planAdopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，新增整改事项必须说明理由");
        }
        List<NewMeasure> measures = nullSafe(cmd.measures());
        Set<String> measureIds = new HashSet<>();
        for (NewMeasure m : measures) {
            require(m != null && present(m.measureId()), "MEASURE_ID_REQUIRED", "整改措施编号不能为空");
            require(measureIds.add(m.measureId()), "MEASURE_ID_DUPLICATE", "整改措施编号重复：" + m.measureId());
            require(present(m.text()), "MEASURE_TEXT_REQUIRED", "整改措施内容不能为空");
        }
        apply(new ItemAddedEvent(rectificationId, cmd.itemId(), itemsAdded + 1, findingIds, cmd.title(), cmd.kind(),
                cmd.dueDate(), leader == null ? null : leader.memberId, leader == null ? null : leader.name,
                blankToNull(cmd.responsibleDepartment()), blankToNull(cmd.handler()), planAdopted, blankToNull(cmd.reason())));
        int ordinal = 0;
        for (NewMeasure m : measures) {
            apply(new MeasureAddedEvent(rectificationId, cmd.itemId(), m.measureId(), ++ordinal, m.text(), planAdopted,
                    blankToNull(cmd.reason())));
        }
        syncDeadline(items.get(cmd.itemId()), false, null, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(ReviseItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        require(present(cmd.title()), "ITEM_TITLE_REQUIRED", "整改事项名称不能为空");
        List<String> findingIds = requireFindings(cmd.findingIds());
        requireKindAndDue(cmd.kind(), cmd.dueDate());
        if (planAdopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，修改整改事项必须说明理由");
            requireState(item.currentDue == null || cmd.dueDate() == null || item.currentDue.equals(cmd.dueDate()),
                    "USE_EXTENSION", "整改方案已通过，完成时限只能经审批延期（当前时限 " + item.currentDue + "）");
        }
        require(!(item.title.equals(cmd.title()) && item.findingIds.equals(findingIds) && item.kind == cmd.kind()
                && Objects.equals(item.currentDue, cmd.dueDate())), "NO_CHANGE", "修改内容与现有整改事项相同");
        requireStatusFits(cmd.kind(), item.status);
        boolean had = item.needsDeadline();
        LocalDate dueBefore = item.currentDue;
        apply(new ItemRevisedEvent(rectificationId, item.itemId, findingIds, cmd.title(), cmd.kind(), cmd.dueDate(),
                planAdopted, blankToNull(cmd.reason())));
        syncDeadline(item, had, dueBefore, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(RemoveItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        Item item = activeItem(cmd.itemId());
        requireState(!planAdopted, "PLAN_ADOPTED", "整改方案已通过，整改事项不能删除，只能说明理由后修改");
        boolean had = item.needsDeadline();
        apply(new ItemRemovedEvent(rectificationId, item.itemId, blankToNull(cmd.reason())));
        syncDeadline(item, had, item.currentDue, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(AddMeasureCommand cmd) {
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        require(present(cmd.measureId()), "MEASURE_ID_REQUIRED", "整改措施编号不能为空");
        requireState(!item.measures.containsKey(cmd.measureId()), "MEASURE_EXISTS", "整改措施已存在：" + cmd.measureId());
        require(present(cmd.text()), "MEASURE_TEXT_REQUIRED", "整改措施内容不能为空");
        if (planAdopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，新增整改措施必须说明理由");
        }
        apply(new MeasureAddedEvent(rectificationId, item.itemId, cmd.measureId(), item.measuresAdded + 1, cmd.text(),
                planAdopted, blankToNull(cmd.reason())));
        return getVersion();
    }

    @CommandHandler
    Long handle(ReviseMeasureCommand cmd) {
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        Measure measure = measure(item, cmd.measureId());
        require(present(cmd.text()), "MEASURE_TEXT_REQUIRED", "整改措施内容不能为空");
        require(!measure.text.equals(cmd.text()), "NO_CHANGE", "修改内容与现有整改措施相同");
        if (planAdopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，修改整改措施必须说明理由");
        }
        apply(new MeasureRevisedEvent(rectificationId, item.itemId, measure.measureId, cmd.text(), planAdopted,
                blankToNull(cmd.reason())));
        return getVersion();
    }

    @CommandHandler
    Long handle(RemoveMeasureCommand cmd) {
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        Measure measure = measure(item, cmd.measureId());
        if (planAdopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，删除整改措施必须说明理由");
            requireState(!measure.hasProgress, "MEASURE_HAS_PROGRESS", "该整改措施已有进展记录，不能删除");
            requireState(item.measures.size() > 1, "LAST_MEASURE", "整改方案已通过，整改事项至少要保留一项措施");
        }
        apply(new MeasureRemovedEvent(rectificationId, item.itemId, measure.measureId, planAdopted, blankToNull(cmd.reason())));
        return getVersion();
    }

    @CommandHandler
    Long handle(AssignResponsibilityCommand cmd) {
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        require(present(cmd.responsibleLeaderId()), "LEADER_REQUIRED", "必须指定责任领导");
        require(present(cmd.responsibleDepartment()), "DEPARTMENT_REQUIRED", "必须指定责任部门");
        Member leader = requireLeader(cmd.responsibleLeaderId());
        String handler = blankToNull(cmd.handler());
        require(!(leader.memberId.equals(item.leaderId) && cmd.responsibleDepartment().equals(item.department)
                && Objects.equals(handler, item.handler)), "NO_CHANGE", "责任分工没有变化");
        if (planAdopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，调整责任分工必须说明理由");
        }
        Member previous = item.leaderId == null ? null : members.get(item.leaderId);
        apply(new ResponsibilityAssignedEvent(rectificationId, item.itemId, leader.memberId, leader.name,
                cmd.responsibleDepartment(), handler, item.leaderId, previous == null ? null : previous.name,
                item.department, item.handler, planAdopted, blankToNull(cmd.reason())));
        return getVersion();
    }

    @CommandHandler
    Long handle(AdoptPlanCommand cmd, Clock clock) {
        requireState(!planAdopted, "PLAN_ALREADY_ADOPTED", "整改方案已通过");
        require(present(cmd.title()), "PLAN_TITLE_REQUIRED", "整改方案名称不能为空");
        requireBusinessDate(cmd.date(), clock, "方案通过日期");
        require(members.values().stream().anyMatch(m -> m.active && m.role == LeadershipRole.LEADER),
                "GROUP_LEADER_MISSING", "尚未任命整改工作领导小组组长，方案不能通过（主体责任）");
        List<Item> active = items.values().stream().filter(i -> !i.removed).toList();
        require(!active.isEmpty(), "PLAN_EMPTY", "整改方案没有整改事项");
        Set<String> served = active.stream().flatMap(i -> i.findingIds.stream()).collect(Collectors.toSet());
        List<String> uncovered = findings.entrySet().stream().filter(f -> !served.contains(f.getKey()))
                .map(Map.Entry::getValue).toList();
        require(uncovered.isEmpty(), "FINDINGS_NOT_COVERED", "以下反馈问题还没有整改事项：" + String.join("；", uncovered));
        List<String> withoutMeasures = active.stream().filter(i -> i.measures.isEmpty()).map(i -> i.title).toList();
        require(withoutMeasures.isEmpty(), "ITEMS_WITHOUT_MEASURES", "以下整改事项还没有整改措施：" + String.join("；", withoutMeasures));
        List<String> withoutResponsibility = active.stream().filter(i -> i.leaderId == null || i.department == null)
                .map(i -> i.title).toList();
        require(withoutResponsibility.isEmpty(), "RESPONSIBILITY_MISSING",
                "以下整改事项还没有责任领导或责任部门：" + String.join("；", withoutResponsibility));
        int measureCount = active.stream().mapToInt(i -> i.measures.size()).sum();
        apply(new PlanAdoptedEvent(rectificationId, cmd.title(), blankToNull(cmd.documentNumber()), cmd.date(),
                active.size(), measureCount));
        return getVersion();
    }

    // ---------------------------------------------------------------- carried as history

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

    // ---------------------------------------------------------------- progress and evidence

    @CommandHandler
    Long handle(RecordProgressCommand cmd, DeadlineManager deadlines, Clock clock) {
        requireState(planAdopted, "PLAN_NOT_ADOPTED", "整改方案尚未通过，不能记录整改进展");
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        requireState(item.closeOff != CloseOffState.REQUESTED, "CLOSE_OFF_PENDING",
                "该整改事项的销号申请正在审核，请待审核退回后再记录进展");
        require(present(cmd.progressId()), "PROGRESS_ID_REQUIRED", "进展编号不能为空");
        requireState(!progressIds.contains(cmd.progressId()), "PROGRESS_EXISTS", "进展记录已存在：" + cmd.progressId());
        requireBusinessDate(cmd.businessDate(), clock, "进展日期");
        require(cmd.status() != null, "STATUS_REQUIRED", "必须指明整改状态");
        List<Evidence> evidenceList = nullSafe(cmd.evidence());
        require(present(cmd.text()) || !evidenceList.isEmpty(), "PROGRESS_EMPTY", "进展记录必须有文字说明或佐证材料");
        Measure measure = cmd.measureId() == null ? null : measure(item, cmd.measureId());
        ItemStatus itemStatus;
        ItemStatus measureStatus = null;
        if (measure == null) {
            require(cmd.itemStatus() == null || cmd.itemStatus() == cmd.status(), "STATUS_AMBIGUOUS",
                    "记录整改事项进展时只能给出一个状态");
            itemStatus = cmd.status();
        } else {
            require(cmd.status() != ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED || item.kind == ItemKind.ONGOING,
                    "LONG_TERM_ONLY_FOR_ONGOING", "只有长期坚持的整改事项才能标记“已建立长效机制”");
            measureStatus = cmd.status();
            itemStatus = cmd.itemStatus() != null ? cmd.itemStatus()
                    : item.status == ItemStatus.NOT_STARTED && cmd.status() != ItemStatus.NOT_STARTED
                    ? ItemStatus.IN_PROGRESS : item.status;
        }
        requireStatusFits(item.kind, itemStatus);
        validateEvidence(evidenceList, clock);
        boolean had = item.needsDeadline();
        apply(new ProgressRecordedEvent(rectificationId, cmd.progressId(), item.itemId, cmd.measureId(), cmd.businessDate(),
                measureStatus, itemStatus, item.status, blankToNull(cmd.text()), List.copyOf(evidenceList)));
        syncDeadline(item, had, item.currentDue, deadlines, clock);
        return getVersion();
    }

    private void validateEvidence(List<Evidence> list, Clock clock) {
        require(list.size() <= MAX_EVIDENCE, "TOO_MUCH_EVIDENCE", "一次最多记录" + MAX_EVIDENCE + "项佐证材料");
        Set<String> ids = new HashSet<>();
        for (Evidence e : list) {
            require(e != null && present(e.evidenceId()), "EVIDENCE_ID_REQUIRED", "佐证材料编号不能为空");
            require(ids.add(e.evidenceId()) && !evidence.containsKey(e.evidenceId()), "EVIDENCE_EXISTS",
                    "佐证材料编号重复：" + e.evidenceId());
            require(e.kind() != null, "EVIDENCE_KIND_REQUIRED", "必须指明佐证材料类型");
            switch (e.kind()) {
                case TEXT -> require(present(e.description()), "EVIDENCE_INCOMPLETE", "文字说明不能为空");
                case DOCUMENT -> {
                    require(e.document() != null && present(e.document().title()), "EVIDENCE_INCOMPLETE",
                            "印发文件必须写明文件名称");
                    notInFuture(e.document().date(), clock, "文件印发日期");
                }
                case MEETING -> {
                    require(e.meeting() != null && present(e.meeting().title()) && e.meeting().date() != null,
                            "EVIDENCE_INCOMPLETE", "会议佐证必须写明会议名称和日期");
                    notInFuture(e.meeting().date(), clock, "会议日期");
                }
                case ORGANISATION -> {
                    require(e.organisation() != null && present(e.organisation().name()), "EVIDENCE_INCOMPLETE",
                            "成立组织必须写明组织名称");
                    notInFuture(e.organisation().date(), clock, "成立日期");
                }
                case FIGURE -> {
                    require(e.figure() != null && present(e.figure().metric()) && e.figure().value() != null,
                            "EVIDENCE_INCOMPLETE", "数据指标必须写明指标名称和数值");
                    notInFuture(e.figure().asOf(), clock, "数据日期");
                }
                case FILE -> require(e.file() != null, "EVIDENCE_INCOMPLETE", "附件佐证必须有文件");
            }
            if (e.file() != null) {
                require(e.file().sha256() != null && SHA256.matcher(e.file().sha256()).matches(), "EVIDENCE_FILE_INVALID",
                        "附件的 SHA-256 必须是64位小写十六进制");
                require(e.file().size() >= 0, "EVIDENCE_FILE_INVALID", "附件大小不正确");
            }
        }
    }

    // ---------------------------------------------------------------- close-off review

    @CommandHandler
    Long handle(RequestCloseOffCommand cmd, Clock clock) {
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        requireState(item.closeOff != CloseOffState.REQUESTED, "CLOSE_OFF_PENDING", "该整改事项已申请销号，正在审核");
        requireState(item.status.done(), "ITEM_NOT_DONE",
                "整改事项尚未完成（当前状态：" + item.status.label() + "），不能申请销号");
        requireBusinessDate(cmd.businessDate(), clock, "申请销号日期");
        List<String> ids = nullSafe(cmd.evidenceIds()).isEmpty() ? item.evidenceIds : cmd.evidenceIds();
        require(!ids.isEmpty(), "EVIDENCE_REQUIRED", "申请销号必须附整改佐证材料");
        Set<String> unique = new LinkedHashSet<>(ids);
        require(unique.size() == ids.size(), "EVIDENCE_DUPLICATE", "佐证材料重复");
        List<EvidenceRef> refs = new ArrayList<>();
        for (String id : unique) {
            EvidenceEntry entry = evidence.get(id);
            require(entry != null && entry.itemId().equals(item.itemId), "EVIDENCE_UNKNOWN",
                    "佐证材料不属于该整改事项：" + id);
            refs.add(entry.ref(id));
        }
        apply(new CloseOffRequestedEvent(rectificationId, item.itemId, cmd.businessDate(), blankToNull(cmd.summary()),
                List.copyOf(refs)));
        return getVersion();
    }

    @CommandHandler
    Long handle(ApproveCloseOffCommand cmd, DeadlineManager deadlines, Clock clock) {
        Item item = activeItem(cmd.itemId());
        requireState(item.closeOff == CloseOffState.REQUESTED, "NO_CLOSE_OFF_REQUEST", "该整改事项没有待审核的销号申请");
        requireBusinessDate(cmd.businessDate(), clock, "销号审批日期");
        require(!cmd.businessDate().isBefore(item.closeOffRequestDate), "DATE_BEFORE_REQUEST",
                "审批日期（" + cmd.businessDate() + "）不能早于申请日期（" + item.closeOffRequestDate + "）");
        if (cmd.evidenceIds() != null && !cmd.evidenceIds().isEmpty()) {
            Set<String> requested = item.requestedEvidence.stream().map(EvidenceRef::evidenceId).collect(Collectors.toSet());
            requireState(requested.equals(new HashSet<>(cmd.evidenceIds())), "EVIDENCE_MISMATCH",
                    "审批所依据的佐证材料与销号申请所附材料不一致，请刷新后重新审核");
        }
        boolean had = item.needsDeadline();
        apply(new CloseOffApprovedEvent(rectificationId, item.itemId, cmd.businessDate(), blankToNull(cmd.comment()),
                item.requestedEvidence));
        syncDeadline(item, had, item.currentDue, deadlines, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(ReturnCloseOffCommand cmd, Clock clock) {
        Item item = activeItem(cmd.itemId());
        requireState(item.closeOff == CloseOffState.REQUESTED, "NO_CLOSE_OFF_REQUEST", "该整改事项没有待审核的销号申请");
        require(present(cmd.reason()), "REASON_REQUIRED", "退回销号申请必须说明理由");
        requireBusinessDate(cmd.businessDate(), clock, "退回日期");
        require(!cmd.businessDate().isBefore(item.closeOffRequestDate), "DATE_BEFORE_REQUEST",
                "退回日期（" + cmd.businessDate() + "）不能早于申请日期（" + item.closeOffRequestDate + "）");
        apply(new CloseOffReturnedEvent(rectificationId, item.itemId, cmd.businessDate(), cmd.reason()));
        return getVersion();
    }

    @CommandHandler
    Long handle(ReopenItemCommand cmd, DeadlineManager deadlines, Clock clock) {
        Item item = activeItem(cmd.itemId());
        requireState(item.closeOff == CloseOffState.CLOSED_OFF, "ITEM_NOT_CLOSED_OFF", "该整改事项尚未销号，无需重新打开");
        require(present(cmd.reason()), "REASON_REQUIRED", "“回头看”重新打开整改事项必须说明理由");
        requireBusinessDate(cmd.businessDate(), clock, "回头看日期");
        require(!cmd.businessDate().isBefore(item.closedOffDate), "DATE_BEFORE_CLOSE_OFF",
                "回头看日期（" + cmd.businessDate() + "）不能早于销号日期（" + item.closedOffDate + "）");
        boolean had = item.needsDeadline();
        apply(new ItemReopenedEvent(rectificationId, item.itemId, cmd.businessDate(), cmd.reason(), ItemStatus.IN_PROGRESS));
        syncDeadline(item, had, item.currentDue, deadlines, clock);
        return getVersion();
    }

    // ---------------------------------------------------------------- deadlines

    @CommandHandler
    Long handle(ExtendDeadlineCommand cmd, DeadlineManager deadlines, Clock clock) {
        Item item = activeItem(cmd.itemId());
        requireNotClosedOff(item);
        requireState(item.currentDue != null, "NO_DUE_DATE", "该整改事项没有完成时限，无需延期");
        requireState(!item.status.done(), "ITEM_DONE", "该整改事项已完成，无需延期");
        require(present(cmd.reason()), "REASON_REQUIRED", "延期必须说明理由");
        require(present(cmd.approver()), "APPROVER_REQUIRED", "延期必须写明审批人");
        require(cmd.newDueDate() != null && cmd.newDueDate().isAfter(item.currentDue), "EXTENSION_NOT_LATER",
                "延期后的完成时限必须晚于当前时限（" + item.currentDue + "）");
        requireBusinessDate(cmd.businessDate(), clock, "延期审批日期");
        boolean had = item.needsDeadline();
        LocalDate dueBefore = item.currentDue;
        apply(new DeadlineExtendedEvent(rectificationId, item.itemId, item.extensions + 1, item.originalDue, item.currentDue,
                cmd.newDueDate(), cmd.businessDate(), cmd.reason(), cmd.approver()));
        syncDeadline(item, had, dueBefore, deadlines, clock);
        return getVersion();
    }

    /**
     * The due date of an item passed. Stale deadlines (the item was extended, completed, closed off or removed
     * meanwhile) record nothing. The event is the system's: its metadata names the user {@code system}.
     */
    @DeadlineHandler
    void on(ItemOverdueDeadline deadline, MetaData metaData, @MessageIdentifier String deadlineMessageId) {
        Item item = items.get(deadline.itemId());
        if (item == null || !item.needsDeadline() || !deadline.dueDate().equals(item.currentDue)) {
            return;
        }
        if (asOfDate != null && !item.currentDue.isBefore(asOfDate)) {
            return; // carried as history: as of its date this item was not overdue
        }
        Object correlation = metaData.get(MetadataKeys.CORRELATION_ID);
        apply(new ItemBecameOverdueEvent(rectificationId, item.itemId, item.currentDue, item.currentDue.plusDays(1), item.status),
                MetaData.with(MetadataKeys.USER, MetadataKeys.SYSTEM_USER)
                        .and(MetadataKeys.COMMAND_NAME, ItemOverdueDeadline.class.getSimpleName())
                        .and(MetadataKeys.CAUSATION_ID, deadlineMessageId)
                        .and(MetadataKeys.CORRELATION_ID, correlation != null ? correlation : deadlineMessageId));
    }

    /** The instant an item due on {@code dueDate} becomes overdue: the start of the next day in the clock's zone. */
    static Instant overdueInstant(LocalDate dueDate, Clock clock) {
        return dueDate.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** A due date this far in the past when the item is entered means a record carried over from earlier. */
    static final java.time.Period RETROSPECTIVE_ENTRY = java.time.Period.ofDays(7);
    /** How long a carried-over record gets to have its completion entered before the item is flagged overdue. */
    static final java.time.Duration RETROSPECTIVE_GRACE = java.time.Duration.ofHours(24);

    /**
     * When the overdue deadline fires: at {@link #overdueInstant}, except for an item whose due date lies more than
     * {@link #RETROSPECTIVE_ENTRY} in the past when it is entered (a historical case being carried over): its
     * completion gets {@link #RETROSPECTIVE_GRACE} to be recorded, so that entering history in order never invents an
     * "overdue" that did not happen. If it is still unfinished then, it is flagged overdue since its real due date.
     */
    static Instant deadlineInstant(LocalDate dueDate, Clock clock) {
        Instant due = overdueInstant(dueDate, clock);
        boolean carriedOver = dueDate.plus(RETROSPECTIVE_ENTRY).isBefore(LocalDate.now(clock));
        return carriedOver ? clock.instant().plus(RETROSPECTIVE_GRACE) : due;
    }

    static String deadlineName(String itemId) {
        return OVERDUE_DEADLINE_PREFIX + itemId;
    }

    /** Keeps the item's persistent deadline in step with its state: cancel when no longer needed or moved, schedule when needed. */
    private void syncDeadline(Item item, boolean had, LocalDate dueBefore, DeadlineManager deadlines, Clock clock) {
        boolean wants = item.needsDeadline();
        boolean moved = !Objects.equals(dueBefore, item.currentDue);
        if (had && (!wants || moved)) {
            deadlines.cancelAllWithinScope(deadlineName(item.itemId));
        }
        if (wants && (!had || moved)) {
            deadlines.schedule(deadlineInstant(item.currentDue, clock), deadlineName(item.itemId),
                    new GenericMessage<>(new ItemOverdueDeadline(item.itemId, item.currentDue),
                            MetaData.with(MetadataKeys.USER, MetadataKeys.SYSTEM_USER)));
        }
    }

    // ---------------------------------------------------------------- meetings and accountability

    @CommandHandler
    Long handle(RecordMeetingCommand cmd, Clock clock) {
        require(present(cmd.meetingId()), "MEETING_ID_REQUIRED", "会议编号不能为空");
        requireState(!meetingIds.contains(cmd.meetingId()), "MEETING_EXISTS", "会议记录已存在：" + cmd.meetingId());
        require(cmd.kind() != null, "MEETING_KIND_REQUIRED", "必须指明会议类型");
        require(present(cmd.title()), "MEETING_TITLE_REQUIRED", "会议名称不能为空");
        requireBusinessDate(cmd.date(), clock, "会议日期");
        List<ProblemClaim> claims = nullSafe(cmd.claims());
        for (ProblemClaim c : claims) {
            require(c != null && present(c.leaderName()) && present(c.problem()), "CLAIM_INCOMPLETE",
                    "认领问题必须写明领导姓名和所认领的问题");
            require(c.memberId() == null || members.containsKey(c.memberId()), "MEMBER_UNKNOWN",
                    "领导小组中没有该成员：" + c.memberId());
            requireKnownFindings(nullSafe(c.findingIds()));
        }
        apply(new MeetingRecordedEvent(rectificationId, cmd.meetingId(), cmd.kind(), cmd.date(), cmd.title(),
                List.copyOf(nullSafe(cmd.attendees())),
                claims.stream().map(c -> new ProblemClaim(c.leaderName(), c.memberId(), c.problem(),
                        List.copyOf(nullSafe(c.findingIds())))).toList(),
                blankToNull(cmd.summary())));
        return getVersion();
    }

    @CommandHandler
    Long handle(RecordAccountabilityCommand cmd, Clock clock) {
        require(present(cmd.outcomeId()), "OUTCOME_ID_REQUIRED", "问责记录编号不能为空");
        requireState(!outcomeIds.contains(cmd.outcomeId()), "OUTCOME_EXISTS", "问责记录已存在：" + cmd.outcomeId());
        require(cmd.kind() != null, "ACCOUNTABILITY_KIND_REQUIRED", "必须指明问责方式");
        requireBusinessDate(cmd.date(), clock, "问责日期");
        List<String> persons = nullSafe(cmd.persons());
        require(persons.stream().allMatch(Rectification::present), "PERSON_NAME_REQUIRED", "被问责人员姓名不能为空");
        if (cmd.personsNotCounted()) {
            require(cmd.count() == null && persons.isEmpty(), "COUNT_WITH_PERSONS_NOT_COUNTED",
                    "写明“未统计人数”（对相关责任人员作出处理）时不能再填写人数或人员");
        } else {
            require(cmd.count() != null || !persons.isEmpty(), "COUNT_OR_PERSONS_REQUIRED",
                    "必须写明人数或被问责人员，或注明未统计人数（personsNotCounted）");
        }
        int count = cmd.count() != null ? cmd.count() : persons.size();
        require(count >= 0, "COUNT_NEGATIVE", "人数不能为负数");
        require(persons.isEmpty() || count == persons.size(), "COUNT_MISMATCH",
                "人数（" + count + "）与所列人员（" + persons.size() + "人）不一致");
        requireKnownFindings(nullSafe(cmd.findingIds()));
        apply(new AccountabilityRecordedEvent(rectificationId, cmd.outcomeId(), cmd.kind(), cmd.date(), count,
                List.copyOf(persons), List.copyOf(nullSafe(cmd.findingIds())), blankToNull(cmd.description()),
                cmd.personsNotCounted()));
        return getVersion();
    }

    /** 过程性指标: a typed count on a date; the rules are {@link ProcessMetricLog}'s, the date the aggregate's. */
    @CommandHandler
    Long handle(RecordProcessMetricCommand cmd, Clock clock) {
        ProcessMetricRecordedEvent event = processMetrics.record(rectificationId, cmd);
        requireBusinessDate(cmd.date(), clock, "统计日期");
        apply(event);
        return getVersion();
    }

    // ---------------------------------------------------------------- rules shared by handlers

    /** A business date: required, not in the future, not before the feedback was delivered. */
    private void requireBusinessDate(LocalDate date, Clock clock, String what) {
        BusinessDates.requireNotInFuture(date, clock, what);
        require(feedbackDate == null || !date.isBefore(feedbackDate), "DATE_BEFORE_FEEDBACK",
                what + "（" + date + "）不能早于" + inspectionKind.feedback() + "日期（" + feedbackDate + "）");
    }

    private static void notInFuture(LocalDate date, Clock clock, String what) {
        if (date != null) {
            BusinessDates.requireNotInFuture(date, clock, what);
        }
    }

    private List<String> requireFindings(List<String> findingIds) {
        List<String> ids = nullSafe(findingIds);
        require(!ids.isEmpty(), "FINDINGS_REQUIRED", "整改事项必须对应至少一个反馈问题");
        require(new HashSet<>(ids).size() == ids.size(), "FINDING_DUPLICATE", "反馈问题重复");
        requireKnownFindings(ids);
        return List.copyOf(ids);
    }

    private void requireKnownFindings(Collection<String> ids) {
        for (String id : ids) {
            require(findings.containsKey(id), "FINDING_UNKNOWN", "本次" + inspectionKind.word() + "没有反馈该问题：" + id);
        }
    }

    private void requireKindAndDue(ItemKind kind, LocalDate dueDate) {
        require(kind != null, "KIND_REQUIRED", "必须指明整改类型（立行立改、限时完成或长期坚持）");
        require(kind != ItemKind.TIME_BOUND || dueDate != null, "DUE_DATE_REQUIRED", "限时完成的整改事项必须有完成时限");
        require(kind != ItemKind.ONGOING || dueDate == null, "ONGOING_HAS_NO_DUE_DATE", "长期坚持的整改事项没有完成时限");
        require(dueDate == null || feedbackDate == null || !dueDate.isBefore(feedbackDate), "DUE_BEFORE_FEEDBACK",
                "完成时限（" + dueDate + "）不能早于" + inspectionKind.feedback() + "日期（" + feedbackDate + "）");
    }

    private static void requireStatusFits(ItemKind kind, ItemStatus status) {
        require(kind != ItemKind.ONGOING || status != ItemStatus.COMPLETED, "ONGOING_NEVER_COMPLETED",
                "长期坚持的整改事项不会“已完成”，可标记为“已建立长效机制”");
        require(kind == ItemKind.ONGOING || status != ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED,
                "LONG_TERM_ONLY_FOR_ONGOING", "只有长期坚持的整改事项才能标记“已建立长效机制”");
    }

    private Member requireLeader(String memberId) {
        Member m = members.get(memberId);
        require(m != null && m.active, "LEADER_UNKNOWN", "领导小组中没有在任的该成员：" + memberId);
        require(m.role.leads(), "LEADER_REQUIRED",
                m.name + "是领导小组成员（" + m.role.label() + "），责任领导须由组长、常务副组长或副组长担任");
        return m;
    }

    private Item activeItem(String itemId) {
        Item item = items.get(itemId);
        if (item == null || item.removed) {
            throw new NotFoundException("rectification item", itemId);
        }
        return item;
    }

    private static Measure measure(Item item, String measureId) {
        Measure m = item.measures.get(measureId);
        if (m == null) {
            throw new NotFoundException("measure", measureId);
        }
        return m;
    }

    private static void requireNotClosedOff(Item item) {
        requireState(item.closeOff != CloseOffState.CLOSED_OFF, "ITEM_CLOSED_OFF",
                "整改事项已于" + item.closedOffDate + "销号，如需继续整改请先经“回头看”重新打开");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---------------------------------------------------------------- state from events

    @EventSourcingHandler
    void on(RectificationOpenedEvent e) {
        rectificationId = e.rectificationId();
        inspectionId = e.inspectionId();
        inspectionKind = InspectionKind.orDefault(e.kind());
        feedbackDate = e.feedbackDate();
        for (LedgerCategory c : e.categories()) {
            categoryOrdinals.put(c.categoryId(), c.ordinal());
            for (LedgerFinding f : c.findings()) {
                findings.put(f.findingId(), f.title());
                findingsPerCategory.merge(c.categoryId(), f.ordinal(), Math::max);
            }
        }
    }

    @EventSourcingHandler
    void on(SupplementaryFindingRecordedEvent e) {
        categoryOrdinals.putIfAbsent(e.categoryId(), e.categoryOrdinal());
        findingsPerCategory.merge(e.categoryId(), e.ordinal(), Math::max);
        findings.put(e.findingId(), e.title());
        supplementarySources.add(sourceKey(e.source(), e.sourceId()));
    }

    @EventSourcingHandler
    void on(FindingCorrectionTakenOverEvent e) {
        findings.put(e.findingId(), e.title());
        if (e.sourceEventId() != null) {
            takenOverCorrections.add(e.sourceEventId());
        }
    }

    @EventSourcingHandler
    void on(OfficeNamedEvent e) {
        officeName = e.name();
        officeHost = e.hostDepartment();
    }

    @EventSourcingHandler
    void on(GroupMemberAppointedEvent e) {
        Member m = members.computeIfAbsent(e.memberId(), Member::new);
        m.name = e.name();
        m.position = e.position();
        m.role = e.role();
        m.appointedDate = e.date();
        m.active = true;
    }

    @EventSourcingHandler
    void on(GroupMemberRelievedEvent e) {
        members.get(e.memberId()).active = false;
    }

    @EventSourcingHandler
    void on(ItemAddedEvent e) {
        Item item = new Item(e.itemId());
        item.findingIds = e.findingIds();
        item.title = e.title();
        item.kind = e.kind();
        item.originalDue = e.dueDate();
        item.currentDue = e.dueDate();
        item.leaderId = e.responsibleLeaderId();
        item.department = e.responsibleDepartment();
        item.handler = e.handler();
        items.put(item.itemId, item);
        itemsAdded++;
    }

    @EventSourcingHandler
    void on(ItemRevisedEvent e) {
        Item item = items.get(e.itemId());
        item.findingIds = e.findingIds();
        item.title = e.title();
        item.kind = e.kind();
        if (!Objects.equals(item.currentDue, e.dueDate())) {
            item.overdue = false;
        }
        if (!e.afterAdoption() || item.originalDue == null) {
            item.originalDue = e.dueDate();
        }
        item.currentDue = e.dueDate();
    }

    @EventSourcingHandler
    void on(ItemRemovedEvent e) {
        items.get(e.itemId()).removed = true;
    }

    @EventSourcingHandler
    void on(MeasureAddedEvent e) {
        Item item = items.get(e.itemId());
        item.measures.put(e.measureId(), new Measure(e.measureId(), e.text()));
        item.measuresAdded++;
    }

    @EventSourcingHandler
    void on(MeasureRevisedEvent e) {
        items.get(e.itemId()).measures.get(e.measureId()).text = e.text();
    }

    @EventSourcingHandler
    void on(MeasureRemovedEvent e) {
        items.get(e.itemId()).measures.remove(e.measureId());
    }

    @EventSourcingHandler
    void on(ResponsibilityAssignedEvent e) {
        Item item = items.get(e.itemId());
        item.leaderId = e.responsibleLeaderId();
        item.department = e.responsibleDepartment();
        item.handler = e.handler();
    }

    @EventSourcingHandler
    void on(PlanAdoptedEvent e) {
        planAdopted = true;
    }

    @EventSourcingHandler
    void on(ProgressRecordedEvent e) {
        progressIds.add(e.progressId());
        Item item = items.get(e.itemId());
        item.status = e.itemStatus();
        if (e.measureId() != null) {
            Measure m = item.measures.get(e.measureId());
            m.status = e.measureStatus();
            m.hasProgress = true;
        }
        for (Evidence ev : e.evidence()) {
            evidence.put(ev.evidenceId(), new EvidenceEntry(e.itemId(), e.measureId(), ev.kind(),
                    ev.file() == null ? null : ev.file().sha256()));
            item.evidenceIds.add(ev.evidenceId());
        }
    }

    @EventSourcingHandler
    void on(CloseOffRequestedEvent e) {
        Item item = items.get(e.itemId());
        item.closeOff = CloseOffState.REQUESTED;
        item.closeOffRequestDate = e.businessDate();
        item.requestedEvidence = e.evidence();
    }

    @EventSourcingHandler
    void on(CloseOffApprovedEvent e) {
        Item item = items.get(e.itemId());
        item.closeOff = CloseOffState.CLOSED_OFF;
        item.closedOffDate = e.businessDate();
    }

    @EventSourcingHandler
    void on(CloseOffReturnedEvent e) {
        Item item = items.get(e.itemId());
        item.closeOff = CloseOffState.NONE;
        item.requestedEvidence = List.of();
    }

    @EventSourcingHandler
    void on(ItemReopenedEvent e) {
        Item item = items.get(e.itemId());
        item.closeOff = CloseOffState.NONE;
        item.requestedEvidence = List.of();
        item.status = e.status();
    }

    @EventSourcingHandler
    void on(DeadlineExtendedEvent e) {
        Item item = items.get(e.itemId());
        item.extensions = e.extension();
        item.currentDue = e.newDueDate();
        item.overdue = false;
    }

    @EventSourcingHandler
    void on(CarriedAsHistoryEvent e) {
        asOfDate = e.asOfDate();
        asOfNoticeId = e.noticeId();
    }

    @EventSourcingHandler
    void on(ItemBecameOverdueEvent e) {
        items.get(e.itemId()).overdue = true;
    }

    @EventSourcingHandler
    void on(MeetingRecordedEvent e) {
        meetingIds.add(e.meetingId());
    }

    @EventSourcingHandler
    void on(AccountabilityRecordedEvent e) {
        outcomeIds.add(e.outcomeId());
    }

    @EventSourcingHandler
    void on(ProcessMetricRecordedEvent e) {
        processMetrics.on(e);
    }
}
