package io.zhenggai.api.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the ledger says about one inspection at one position of the event history: the facts a notice states.
 * Folded from the events of the inspection, its rectification and the regulations linked to it; never typed in.
 * A draft keeps the facts it was composed from, so the same position always gives the same facts.
 */
public record NoticeFacts(
        String inspectionId,
        String rectificationId,
        String inspectingBody,
        String inspectedUnit,
        String mandate,
        List<String> legalBasis,
        LocalDate fieldworkStart,
        LocalDate fieldworkEnd,
        LocalDate feedbackDate,
        Plan plan,
        Office office,
        List<GroupMember> leadershipGroup,
        List<Category> categories,
        List<Meeting> meetings,
        Regulations regulations,
        List<AccountabilityCount> accountability,
        List<MoneyTotal> money,
        Totals totals,
        InspectionKind kind,
        InspectionForm form,
        InspectionLevel level,
        @JsonInclude(JsonInclude.Include.NON_NULL) RoundFacts round,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProcessMetricCount> processMetrics) {

    /**
     * {@code kind}: 巡视 or 巡察, from which the notice takes every word; facts kept by drafts composed before the
     * kind existed have none and are read as 巡察 (ADR 0017). Form and level are null when nobody stated them.
     * {@code round} is null for the notice of one inspection; for a round notice (ADR 0026) it carries the round and
     * a row per unit, {@code inspectionId} is null and the totals, regulations, meetings, accountability and money
     * are the round's: the sums of its units'.
     * {@code processMetrics}: the process metrics (过程性指标) the unit recorded, summed by kind (module ledger); empty
     * for a round (its sums are in {@link RoundFacts#processMetrics()}, see {@link #metrics()}) and for facts kept
     * before they were carried. Left out of the JSON when empty, so such facts keep their content hash.
     */
    public NoticeFacts {
        kind = InspectionKind.orDefault(kind);
        processMetrics = processMetrics == null ? List.of() : List.copyOf(processMetrics);
    }

    /** The facts without process metrics (composed before they were carried, or a unit that recorded none). */
    public NoticeFacts(String inspectionId, String rectificationId, String inspectingBody, String inspectedUnit,
                       String mandate, List<String> legalBasis, LocalDate fieldworkStart, LocalDate fieldworkEnd,
                       LocalDate feedbackDate, Plan plan, Office office, List<GroupMember> leadershipGroup,
                       List<Category> categories, List<Meeting> meetings, Regulations regulations,
                       List<AccountabilityCount> accountability, List<MoneyTotal> money, Totals totals, InspectionKind kind,
                       InspectionForm form, InspectionLevel level, RoundFacts round) {
        this(inspectionId, rectificationId, inspectingBody, inspectedUnit, mandate, legalBasis, fieldworkStart, fieldworkEnd,
                feedbackDate, plan, office, leadershipGroup, categories, meetings, regulations, accountability, money, totals,
                kind, form, level, round, List.of());
    }

    /** The facts of one inspection (no round). */
    public NoticeFacts(String inspectionId, String rectificationId, String inspectingBody, String inspectedUnit,
                       String mandate, List<String> legalBasis, LocalDate fieldworkStart, LocalDate fieldworkEnd,
                       LocalDate feedbackDate, Plan plan, Office office, List<GroupMember> leadershipGroup,
                       List<Category> categories, List<Meeting> meetings, Regulations regulations,
                       List<AccountabilityCount> accountability, List<MoneyTotal> money, Totals totals, InspectionKind kind,
                       InspectionForm form, InspectionLevel level) {
        this(inspectionId, rectificationId, inspectingBody, inspectedUnit, mandate, legalBasis, fieldworkStart, fieldworkEnd,
                feedbackDate, plan, office, leadershipGroup, categories, meetings, regulations, accountability, money, totals,
                kind, form, level, null, List.of());
    }

    /**
     * Whether these are the facts of a whole round (轮次), not of one inspection. (Not named {@code isRound}: Jackson
     * would take it for the {@code round} property.)
     */
    public boolean ofRound() {
        return round != null;
    }

    /**
     * The process metrics this notice states, summed by kind: the round's for a round notice, else the unit's. (Not
     * a bean getter: not serialised.)
     */
    public List<ProcessMetricCount> metrics() {
        return ofRound() ? (round.processMetrics() == null ? List.of() : round.processMetrics()) : processMetrics;
    }

    /**
     * A round (轮次) as of the notice's position: its name, organiser and period, how many inspections (units) it has
     * and how many of them have opened their rectification, the process metrics of its units summed by kind, and a
     * row per unit in the order the units were scheduled. Accountability and money of a round notice list only the
     * kinds some unit recorded (a recorded 0 included).
     */
    public record RoundFacts(
            String roundId,
            String name,
            String organizer,
            LocalDate periodStart,
            LocalDate periodEnd,
            int inspections,
            int rectifications,
            List<ProcessMetricCount> processMetrics,
            List<Unit> units) {
    }

    /** One unit (inspection) of a round: who inspected whom, when the feedback came, and its own figures. */
    public record Unit(
            String inspectionId,
            String inspectingBody,
            String inspectedUnit,
            InspectionKind kind,
            LocalDate feedbackDate,
            Totals totals,
            Regulations regulations,
            int meetings,
            int accountability,
            BigDecimal money) {
    }

    /** 整改方案: 《title》, document number, date adopted. */
    public record Plan(String title, String documentNumber, LocalDate adoptedDate) {
    }

    /** 整改工作领导小组办公室. */
    public record Office(String name, String hostDepartment) {
    }

    /** An active member of the leadership group. */
    public record GroupMember(String memberId, String name, String position, LeadershipRole role) {
    }

    /** A finding category (方面) with its findings and the rectification items that answer them, in order. */
    public record Category(String categoryId, int ordinal, String title, List<Finding> findings, List<Item> items) {
    }

    /** A finding (反馈问题) with its manifestations (具体表现), in order; facts kept before they were carried have none. */
    public record Finding(String findingId, int ordinal, String title, List<String> manifestations) {
        public Finding {
            manifestations = manifestations == null ? List.of() : List.copyOf(manifestations);
        }

        public Finding(String findingId, int ordinal, String title) {
            this(findingId, ordinal, title, List.of());
        }
    }

    /** A rectification item (整改事项), {@code ordinal} its number in the whole plan; measures in order. */
    public record Item(
            String itemId,
            int ordinal,
            String title,
            List<String> findingIds,
            ItemKind kind,
            ItemStatus status,
            boolean closedOff,
            LocalDate dueDate,
            String responsibleDepartment,
            List<Measure> measures) {
    }

    /** A measure (一是, 二是 …) with its status and the text of its latest progress, if any. */
    public record Measure(String measureId, int ordinal, String text, ItemStatus status, String latestProgress) {
    }

    public record Meeting(String meetingId, MeetingKind kind, LocalDate date, String title) {
    }

    /** 健全完善制度N项: the regulations linked to the inspection; a regulation with a later version counts as revised. */
    public record Regulations(int count, int enacted, int revised, List<RegulationRef> items) {
    }

    public record RegulationRef(String regulationId, String title, boolean revised) {
    }

    /**
     * Persons per accountability kind the unit recorded (a recorded zero is listed with 0; a kind nobody recorded is
     * not listed). {@code uncounted}: every outcome of the kind was stated without a number ({@code count} is then 0).
     * Facts kept before kinds were listed only when recorded list every kind.
     */
    public record AccountabilityCount(AccountabilityKind kind, String label, int count, boolean uncounted) {
        public AccountabilityCount(AccountabilityKind kind, String label, int count) {
            this(kind, label, count, false);
        }
    }

    /** Money per kind the unit recorded (a recorded zero is listed), exact yuan. */
    public record MoneyTotal(MoneyOutcomeKind kind, String label, BigDecimal amount) {
    }

    /**
     * Totals as notices state them, from the one ledger arithmetic: findings per status (derived from their items:
     * completed, basically completed, in progress, not started, not completed, without items — they add up to
     * {@code findings}), of which {@code supplementaryFindings} are supplementary (补充问题); items done and the items
     * not done per status (they add up to {@code items}); measures. {@code completionRate} is findings completed /
     * findings in percent, {@code itemCompletionRate} items done / items; both exact, null without a whole. The text
     * rounds them as the notice's {@link NoticeSettings#rateStyle()} asks.
     */
    public record Totals(
            int findings,
            int findingsCompleted,
            int findingsBasicallyCompleted,
            int findingsInProgress,
            int findingsNotStarted,
            int findingsNotCompleted,
            int findingsWithoutItems,
            int supplementaryFindings,
            int items,
            int itemsCompleted,
            int itemsBasicallyCompleted,
            int itemsInProgress,
            int itemsNotStarted,
            int itemsNotCompleted,
            int measures,
            BigDecimal completionRate,
            BigDecimal itemCompletionRate) {
    }
}
