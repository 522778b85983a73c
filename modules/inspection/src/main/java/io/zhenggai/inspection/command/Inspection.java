package io.zhenggai.inspection.command;

import io.zhenggai.api.inspection.InspectionCommands.*;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 巡视 or 巡察 (its {@link InspectionKind}, with its form and level). Invariants: a round named exists (checked on
 * the command side, in the event store, never in a read model that lags); a county-level committee does no 巡视;
 * fieldwork end ≥ start; feedback ≥ fieldwork end; no feedback without findings; after feedback nothing is recorded
 * except corrections of findings (with a reason). Messages take their words from the inspection's kind.
 * Command handlers return the aggregate's new version (the HTTP ETag).
 */
@Aggregate
class Inspection {

    @AggregateIdentifier
    private String inspectionId;
    private String inspectedUnitId;
    private String inspectingGroupId;
    private String roundId;
    private InspectionKind kind = InspectionKind.DEFAULT;
    private InspectionForm form;
    private InspectionLevel level;
    private String inspectingBody;
    private String inspectedUnit;
    private String mandate;
    private List<String> legalBasis;
    private LocalDate fieldworkStart;
    private LocalDate fieldworkEnd;
    private LocalDate feedbackDate;
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();

    private record Category(String categoryId, int ordinal, String title) {
    }

    private record Finding(String findingId, String categoryId, int ordinal, String title, String description,
                           List<String> manifestations, boolean withdrawn) {
        Finding withText(String title, String description, List<String> manifestations) {
            return new Finding(findingId, categoryId, ordinal, title, description, manifestations, withdrawn);
        }

        Finding withdraw() {
            return new Finding(findingId, categoryId, ordinal, title, description, manifestations, true);
        }
    }

    protected Inspection() {
        // required by Axon
    }

    @CommandHandler
    Inspection(ScheduleInspectionCommand cmd, RoundDirectory rounds) {
        InspectionKind k = cmd.kind();
        require(!cmd.plannedFieldworkEnd().isBefore(cmd.plannedFieldworkStart()), "FIELDWORK_PERIOD_INVALID",
                "计划" + k.word() + "结束日期不能早于开始日期");
        require(cmd.level() == null || cmd.level().allows(k), "KIND_NOT_OF_LEVEL",
                cmd.level() == null ? "" : cmd.level().label() + "级党委不开展" + k.word());
        if (cmd.roundId() != null) {
            requireRound(rounds, cmd.roundId());
        }
        apply(new InspectionScheduledEvent(cmd.inspectionId(), cmd.roundId(), cmd.inspectingBody(), cmd.inspectedUnit(),
                cmd.mandate(), List.copyOf(nullSafe(cmd.legalBasis())), cmd.plannedFieldworkStart(), cmd.plannedFieldworkEnd(),
                k, cmd.form(), cmd.level()));
        if (cmd.inspectedUnitId() != null || cmd.inspectingGroupId() != null) {
            apply(new InspectionOrganisationsAssignedEvent(cmd.inspectionId(), cmd.inspectedUnitId(), cmd.inspectingGroupId()));
        }
    }

    @CommandHandler
    Long handle(AssignInspectionOrganisationsCommand cmd) {
        require(cmd.inspectedUnitId() != null || cmd.inspectingGroupId() != null, "ORGANISATIONS_MISSING",
                "请至少指定" + kind.inspectedUnit() + "或" + kind.group() + "的组织编号");
        String unit = cmd.inspectedUnitId() != null ? cmd.inspectedUnitId() : inspectedUnitId;
        String group = cmd.inspectingGroupId() != null ? cmd.inspectingGroupId() : inspectingGroupId;
        if (!Objects.equals(unit, inspectedUnitId) || !Objects.equals(group, inspectingGroupId)) {
            apply(new InspectionOrganisationsAssignedEvent(inspectionId, unit, group));
        }
        return getVersion();
    }

    @CommandHandler
    Long handle(JoinRoundCommand cmd, RoundDirectory rounds) {
        requireState(!Objects.equals(cmd.roundId(), roundId), "ALREADY_IN_ROUND", "该" + kind.word() + "已在此轮次中");
        requireRound(rounds, cmd.roundId());
        apply(new InspectionJoinedRoundEvent(inspectionId, cmd.roundId(), roundId));
        return getVersion();
    }

    @CommandHandler
    Long handle(StartFieldworkCommand cmd, Clock clock) {
        requireState(fieldworkStart == null, "FIELDWORK_ALREADY_STARTED", kind.word() + "已于" + fieldworkStart + "进驻，不能重复开始");
        BusinessDates.requireNotInFuture(cmd.date(), clock, "进驻日期");
        apply(new FieldworkStartedEvent(inspectionId, cmd.date()));
        return getVersion();
    }

    @CommandHandler
    Long handle(ConcludeFieldworkCommand cmd, Clock clock) {
        requireState(fieldworkStart != null, "FIELDWORK_NOT_STARTED", kind.word() + "尚未进驻，不能结束");
        requireState(fieldworkEnd == null, "FIELDWORK_ALREADY_CONCLUDED", kind.word() + "已于" + fieldworkEnd + "结束");
        BusinessDates.requireNotInFuture(cmd.date(), clock, "结束日期");
        require(!cmd.date().isBefore(fieldworkStart), "FIELDWORK_END_BEFORE_START",
                kind.word() + "结束日期（" + cmd.date() + "）不能早于进驻日期（" + fieldworkStart + "）");
        apply(new FieldworkConcludedEvent(inspectionId, cmd.date()));
        return getVersion();
    }

    @CommandHandler
    Long handle(AddFindingCategoryCommand cmd) {
        requireBeforeFeedback();
        requireState(!categories.containsKey(cmd.categoryId()), "CATEGORY_EXISTS", "问题方面已存在：" + cmd.categoryId());
        require(categories.values().stream().noneMatch(c -> c.title().equals(cmd.title())), "CATEGORY_TITLE_DUPLICATE",
                "已有同名的问题方面：" + cmd.title());
        apply(new FindingCategoryAddedEvent(inspectionId, cmd.categoryId(), categories.size() + 1, cmd.title()));
        return getVersion();
    }

    @CommandHandler
    Long handle(RecordFindingCommand cmd) {
        requireBeforeFeedback();
        requireState(fieldworkStart != null, "FIELDWORK_NOT_STARTED", kind.word() + "尚未进驻，不能记录问题");
        require(categories.containsKey(cmd.categoryId()), "CATEGORY_UNKNOWN", "问题方面不存在：" + cmd.categoryId());
        requireState(!findings.containsKey(cmd.findingId()), "FINDING_EXISTS", "问题已存在：" + cmd.findingId());
        int ordinal = (int) findings.values().stream().filter(f -> f.categoryId().equals(cmd.categoryId())).count() + 1;
        apply(new FindingRecordedEvent(inspectionId, cmd.findingId(), cmd.categoryId(), ordinal, cmd.title(),
                cmd.description(), List.copyOf(nullSafe(cmd.manifestations()))));
        return getVersion();
    }

    @CommandHandler
    Long handle(AmendFindingCommand cmd) {
        requireState(feedbackDate == null, "FINDINGS_FROZEN",
                kind.opinions() + "已于" + feedbackDate + "反馈，问题不能再修改，只能说明理由后更正");
        Finding finding = activeFinding(cmd.findingId());
        require(!(Objects.equals(finding.title(), cmd.title()) && Objects.equals(finding.description(), cmd.description())
                        && Objects.equals(finding.manifestations(), nullSafe(cmd.manifestations()))),
                "NO_CHANGE", "修改内容与现有问题相同");
        apply(new FindingAmendedEvent(inspectionId, cmd.findingId(), cmd.title(), cmd.description(),
                List.copyOf(nullSafe(cmd.manifestations()))));
        return getVersion();
    }

    @CommandHandler
    Long handle(WithdrawFindingCommand cmd) {
        requireState(feedbackDate == null, "FINDINGS_FROZEN", kind.opinions() + "已反馈，问题不能撤回");
        activeFinding(cmd.findingId());
        require(cmd.reason() != null && !cmd.reason().isBlank(), "REASON_REQUIRED", "撤回问题必须说明理由");
        apply(new FindingWithdrawnEvent(inspectionId, cmd.findingId(), cmd.reason()));
        return getVersion();
    }

    @CommandHandler
    Long handle(DeliverFeedbackCommand cmd, Clock clock) {
        requireBeforeFeedback();
        requireState(fieldworkEnd != null, "FIELDWORK_NOT_CONCLUDED", kind.word() + "尚未结束，不能反馈意见");
        BusinessDates.requireNotInFuture(cmd.date(), clock, "反馈日期");
        require(!cmd.date().isBefore(fieldworkEnd), "FEEDBACK_BEFORE_FIELDWORK_END",
                "反馈日期（" + cmd.date() + "）不能早于" + kind.word() + "结束日期（" + fieldworkEnd + "）");
        require(findings.values().stream().anyMatch(f -> !f.withdrawn()), "NO_FINDINGS", "没有问题，不能反馈" + kind.opinions());
        List<DeliveredCategory> delivered = new ArrayList<>();
        for (Category c : categories.values()) {
            List<DeliveredFinding> items = findings.values().stream()
                    .filter(f -> !f.withdrawn() && f.categoryId().equals(c.categoryId()))
                    .map(f -> new DeliveredFinding(f.findingId(), f.ordinal(), f.title(), f.description(), f.manifestations()))
                    .toList();
            if (!items.isEmpty()) {
                delivered.add(new DeliveredCategory(c.categoryId(), c.ordinal(), c.title(), items));
            }
        }
        apply(new FeedbackDeliveredEvent(inspectionId, roundId, inspectingBody, inspectedUnit, mandate, legalBasis,
                fieldworkStart, fieldworkEnd, cmd.date(), delivered, kind, form, level));
        return getVersion();
    }

    @CommandHandler
    Long handle(CorrectFindingCommand cmd) {
        requireState(feedbackDate != null, "FEEDBACK_NOT_DELIVERED", kind.opinions() + "尚未反馈，请直接修改问题");
        Finding finding = activeFinding(cmd.findingId());
        require(cmd.reason() != null && !cmd.reason().isBlank(), "REASON_REQUIRED", "更正已反馈的问题必须说明理由");
        apply(new FindingCorrectedEvent(inspectionId, cmd.findingId(), finding.categoryId(), cmd.title(), cmd.description(),
                List.copyOf(nullSafe(cmd.manifestations())), cmd.reason()));
        return getVersion();
    }

    private void requireBeforeFeedback() {
        requireState(feedbackDate == null, "FEEDBACK_ALREADY_DELIVERED",
                kind.opinions() + "已于" + feedbackDate + "反馈，反馈后只能更正问题");
    }

    private static void requireRound(RoundDirectory rounds, String roundId) {
        if (!rounds.exists(roundId)) {
            throw new NotFoundException("inspection round", roundId);
        }
    }

    private Finding activeFinding(String findingId) {
        Finding f = findings.get(findingId);
        if (f == null || f.withdrawn()) {
            throw new NotFoundException("finding", findingId);
        }
        return f;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    @EventSourcingHandler
    void on(InspectionScheduledEvent e) {
        inspectionId = e.inspectionId();
        roundId = e.roundId();
        kind = InspectionKind.orDefault(e.kind());
        form = e.form();
        level = e.level();
        inspectingBody = e.inspectingBody();
        inspectedUnit = e.inspectedUnit();
        mandate = e.mandate();
        legalBasis = e.legalBasis();
    }

    @EventSourcingHandler
    void on(InspectionOrganisationsAssignedEvent e) {
        inspectedUnitId = e.inspectedUnitId();
        inspectingGroupId = e.inspectingGroupId();
    }

    @EventSourcingHandler
    void on(InspectionJoinedRoundEvent e) {
        roundId = e.roundId();
    }

    @EventSourcingHandler
    void on(FieldworkStartedEvent e) {
        fieldworkStart = e.date();
    }

    @EventSourcingHandler
    void on(FieldworkConcludedEvent e) {
        fieldworkEnd = e.date();
    }

    @EventSourcingHandler
    void on(FindingCategoryAddedEvent e) {
        categories.put(e.categoryId(), new Category(e.categoryId(), e.ordinal(), e.title()));
    }

    @EventSourcingHandler
    void on(FindingRecordedEvent e) {
        findings.put(e.findingId(), new Finding(e.findingId(), e.categoryId(), e.ordinal(), e.title(), e.description(),
                e.manifestations(), false));
    }

    @EventSourcingHandler
    void on(FindingAmendedEvent e) {
        findings.computeIfPresent(e.findingId(), (id, f) -> f.withText(e.title(), e.description(), e.manifestations()));
    }

    @EventSourcingHandler
    void on(FindingWithdrawnEvent e) {
        findings.computeIfPresent(e.findingId(), (id, f) -> f.withdraw());
    }

    @EventSourcingHandler
    void on(FeedbackDeliveredEvent e) {
        feedbackDate = e.feedbackDate();
    }

    @EventSourcingHandler
    void on(FindingCorrectedEvent e) {
        findings.computeIfPresent(e.findingId(), (id, f) -> f.withText(e.title(), e.description(), e.manifestations()));
    }
}
