package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.FinanceEvents.MoneyOutcomeRecordedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationEnactedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationLinkedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRepealedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRevisedEvent;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.ledger.Ledger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds the progress read model (tables {@code progress_*}) from the events of the inspection, rectification and
 * finance contexts — nothing else. Every write is idempotent: {@code progress_stream} remembers per aggregate the
 * sequence number of the last event applied, and an event at or below it is skipped, so a redelivered event or a
 * replay never applies twice. Rows shared by two aggregates (an inspection and its rectification) are upserted, so
 * the order in which the two streams arrive does not matter. Warning levels and totals are not stored: they are
 * computed when asked, for the day asked ({@link ProgressCalculator}).
 */
@Component
@ProcessingGroup(ProgressProjection.GROUP)
class ProgressProjection {

    static final String GROUP = "progress-projection";

    static final List<String> TABLES = List.of("progress_process_metric", "progress_round", "progress_money_outcome", "progress_regulation_link",
            "progress_regulation_version", "progress_regulation", "progress_accountability", "progress_meeting",
            "progress_item_transition", "progress_item", "progress_finding", "progress_category", "progress_inspection",
            "progress_stream");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ProgressProjection(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- inspection

    @EventHandler
    void on(RoundCreatedEvent e, @SequenceNumber long seq) {
        if (advance(e.roundId(), seq)) {
            jdbc.sql("""
                            insert into progress_round (round_id, name, organizer, period_start, period_end)
                            values (:id, :name, :org, :start, :end) on conflict do nothing""")
                    .param("id", e.roundId()).param("name", e.name()).param("org", e.organizer())
                    .param("start", e.periodStart()).param("end", e.periodEnd())
                    .update();
        }
    }

    @EventHandler
    void on(InspectionScheduledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.inspectionId(), seq)) {
            jdbc.sql("""
                            insert into progress_inspection (inspection_id, round_id, inspecting_body, inspected_unit, status,
                                created_at, updated_at, kind, form, level)
                            values (:id, :round, :body, :unit, 'SCHEDULED', :at, :at, :kind, :form, :level)
                            on conflict (inspection_id) do update set round_id = excluded.round_id,
                                inspecting_body = excluded.inspecting_body, inspected_unit = excluded.inspected_unit,
                                kind = excluded.kind, form = excluded.form, level = excluded.level,
                                created_at = least(progress_inspection.created_at, excluded.created_at)""")
                    .param("id", e.inspectionId()).param("round", e.roundId()).param("body", e.inspectingBody())
                    .param("unit", e.inspectedUnit()).param("at", ts(at)).param("kind", e.kind().name())
                    .param("form", e.form() == null ? null : e.form().name())
                    .param("level", e.level() == null ? null : e.level().name())
                    .update();
        }
    }

    @EventHandler
    void on(InspectionJoinedRoundEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.inspectionId(), seq)) {
            updateInspection(e.inspectionId(), at, "round_id = :v", e.roundId());
        }
    }

    @EventHandler
    void on(FieldworkStartedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.inspectionId(), seq)) {
            updateInspection(e.inspectionId(), at, "fieldwork_start = :v, status = 'FIELDWORK'", e.date());
        }
    }

    @EventHandler
    void on(FieldworkConcludedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.inspectionId(), seq)) {
            updateInspection(e.inspectionId(), at, "fieldwork_end = :v, status = 'FIELDWORK_CONCLUDED'", e.date());
        }
    }

    @EventHandler
    void on(FindingCategoryAddedEvent e, @SequenceNumber long seq) {
        if (advance(e.inspectionId(), seq)) {
            category(e.inspectionId(), e.categoryId(), e.ordinal(), e.title());
        }
    }

    @EventHandler
    void on(FindingRecordedEvent e, @SequenceNumber long seq) {
        if (advance(e.inspectionId(), seq)) {
            finding(e.inspectionId(), e.findingId(), e.categoryId(), e.ordinal(), e.title());
        }
    }

    @EventHandler
    void on(FindingAmendedEvent e, @SequenceNumber long seq) {
        if (advance(e.inspectionId(), seq)) {
            jdbc.sql("update progress_finding set title = :t where inspection_id = :i and finding_id = :f")
                    .param("t", e.title()).param("i", e.inspectionId()).param("f", e.findingId()).update();
        }
    }

    @EventHandler
    void on(FindingWithdrawnEvent e, @SequenceNumber long seq) {
        if (advance(e.inspectionId(), seq)) {
            jdbc.sql("update progress_finding set withdrawn = true where inspection_id = :i and finding_id = :f")
                    .param("i", e.inspectionId()).param("f", e.findingId()).update();
        }
    }

    @EventHandler
    void on(FeedbackDeliveredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.inspectionId(), seq)) {
            return;
        }
        jdbc.sql("""
                        insert into progress_inspection (inspection_id, round_id, inspecting_body, inspected_unit, status,
                            fieldwork_start, fieldwork_end, feedback_date, created_at, updated_at, kind)
                        values (:id, :round, :body, :unit, 'FEEDBACK_DELIVERED', :fs, :fe, :fd, :at, :at, :kind)
                        on conflict (inspection_id) do update set status = 'FEEDBACK_DELIVERED', feedback_date = excluded.feedback_date,
                            kind = excluded.kind,
                            fieldwork_start = excluded.fieldwork_start, fieldwork_end = excluded.fieldwork_end,
                            updated_at = excluded.updated_at""")
                .param("id", e.inspectionId()).param("round", e.roundId()).param("body", e.inspectingBody())
                .param("unit", e.inspectedUnit()).param("fs", e.fieldworkStart()).param("fe", e.fieldworkEnd())
                .param("fd", e.feedbackDate()).param("at", ts(at)).param("kind", e.kind().name())
                .update();
        for (DeliveredCategory c : nullSafe(e.categories())) {
            category(e.inspectionId(), c.categoryId(), c.ordinal(), c.title());
            for (DeliveredFinding f : nullSafe(c.findings())) {
                finding(e.inspectionId(), f.findingId(), c.categoryId(), f.ordinal(), f.title());
            }
        }
    }

    @EventHandler
    void on(FindingCorrectedEvent e, @SequenceNumber long seq) {
        if (advance(e.inspectionId(), seq)) {
            correctFinding(e.inspectionId(), e.findingId(), e.categoryId(), e.title());
        }
    }

    // ---------------------------------------------------------------- rectification

    @EventHandler
    void on(RectificationOpenedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.rectificationId(), seq)) {
            return;
        }
        jdbc.sql("""
                        insert into progress_inspection (inspection_id, round_id, inspecting_body, inspected_unit, status,
                            fieldwork_start, fieldwork_end, feedback_date, rectification_id, created_at, updated_at, kind)
                        values (:id, :round, :body, :unit, 'FEEDBACK_DELIVERED', :fs, :fe, :fd, :rect, :at, :at, :kind)
                        on conflict (inspection_id) do update set rectification_id = excluded.rectification_id,
                            feedback_date = coalesce(progress_inspection.feedback_date, excluded.feedback_date),
                            updated_at = greatest(progress_inspection.updated_at, excluded.updated_at)""")
                .param("id", e.inspectionId()).param("round", e.roundId()).param("body", e.inspectingBody())
                .param("unit", e.inspectedUnit()).param("fs", e.fieldworkStart()).param("fe", e.fieldworkEnd())
                .param("fd", e.feedbackDate()).param("rect", e.rectificationId()).param("at", ts(at))
                .param("kind", e.kind().name())
                .update();
        for (LedgerCategory c : nullSafe(e.categories())) {
            category(e.inspectionId(), c.categoryId(), c.ordinal(), c.title());
            for (LedgerFinding f : nullSafe(c.findings())) {
                finding(e.inspectionId(), f.findingId(), c.categoryId(), f.ordinal(), f.title());
            }
        }
    }

    @EventHandler
    void on(FindingCorrectionTakenOverEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            correctFinding(inspectionOf(e.rectificationId()), e.findingId(), e.categoryId(), e.title());
        }
    }

    /** A supplementary finding (补充问题) counts like the delivered ones, in its category (opened by it when new). */
    @EventHandler
    void on(SupplementaryFindingRecordedEvent e, @SequenceNumber long seq) {
        if (!advance(e.rectificationId(), seq)) {
            return;
        }
        String inspectionId = inspectionOf(e.rectificationId());
        if (e.newCategory()) {
            category(inspectionId, e.categoryId(), e.categoryOrdinal(), e.categoryTitle());
        }
        jdbc.sql("""
                        insert into progress_finding (inspection_id, finding_id, category_id, ordinal, title, source)
                        values (:i, :f, :c, :o, :t, :s) on conflict (inspection_id, finding_id) do nothing""")
                .param("i", inspectionId).param("f", e.findingId()).param("c", e.categoryId()).param("o", e.ordinal())
                .param("t", e.title()).param("s", e.source() == null ? null : e.source().name())
                .update();
    }

    @EventHandler
    void on(OfficeNamedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.rectificationId(), seq)) {
            updateInspection(inspectionOf(e.rectificationId()), at, "office_name = :v", e.name());
        }
    }

    @EventHandler
    void on(ItemAddedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.rectificationId(), seq)) {
            return;
        }
        LocalDate recorded = LocalDate.ofInstant(at, clock.getZone());
        jdbc.sql("""
                        insert into progress_item (rectification_id, item_id, inspection_id, ordinal, title, kind, finding_ids,
                            status, original_due_date, current_due_date, leader_id, leader_name, department, handler,
                            added_in_plan, recorded_date, since_date)
                        values (:rect, :item, :insp, :ord, :title, :kind, cast(:findings as jsonb), 'NOT_STARTED', :due, :due,
                            :leaderId, :leaderName, :dept, :handler, :inPlan, :recorded, :recorded)
                        on conflict (rectification_id, item_id) do nothing""")
                .param("rect", e.rectificationId()).param("item", e.itemId()).param("insp", inspectionOf(e.rectificationId()))
                .param("ord", e.ordinal()).param("title", e.title()).param("kind", e.kind().name())
                .param("findings", toJson(e.findingIds())).param("due", e.dueDate())
                .param("leaderId", e.responsibleLeaderId()).param("leaderName", e.responsibleLeaderName())
                .param("dept", e.responsibleDepartment()).param("handler", e.handler())
                .param("inPlan", !e.afterAdoption()).param("recorded", recorded)
                .update();
    }

    @EventHandler
    void on(ItemRevisedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            update progress_item set title = :title, kind = :kind, finding_ids = cast(:findings as jsonb),
                                overdue_since = case when current_due_date is distinct from :due then null else overdue_since end,
                                original_due_date = case when not :after or original_due_date is null then :due
                                                         else original_due_date end,
                                current_due_date = :due
                            where rectification_id = :rect and item_id = :item""")
                    .param("title", e.title()).param("kind", e.kind().name()).param("findings", toJson(e.findingIds()))
                    .param("due", e.dueDate()).param("after", e.afterAdoption())
                    .param("rect", e.rectificationId()).param("item", e.itemId())
                    .update();
        }
    }

    @EventHandler
    void on(ItemRemovedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            updateItem(e.rectificationId(), e.itemId(), "removed = true", null);
        }
    }

    @EventHandler
    void on(ResponsibilityAssignedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            update progress_item set leader_id = :lid, leader_name = :lname, department = :dept, handler = :handler
                            where rectification_id = :rect and item_id = :item""")
                    .param("lid", e.responsibleLeaderId()).param("lname", e.responsibleLeaderName())
                    .param("dept", e.responsibleDepartment()).param("handler", e.handler())
                    .param("rect", e.rectificationId()).param("item", e.itemId())
                    .update();
        }
    }

    /** The items of the plan count from its adoption date on. */
    @EventHandler
    void on(CarriedAsHistoryEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.rectificationId(), seq)) {
            return;
        }
        jdbc.sql("update progress_inspection set as_of_date = :d, updated_at = greatest(updated_at, :at) where inspection_id = :id")
                .param("d", e.asOfDate()).param("at", ts(at)).param("id", inspectionOf(e.rectificationId())).update();
    }

    @EventHandler
    void on(PlanAdoptedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.rectificationId(), seq)) {
            return;
        }
        jdbc.sql("""
                        update progress_inspection set plan_adopted = true, plan_title = :title, plan_document = :doc,
                            plan_adopted_date = :d, updated_at = greatest(updated_at, :at)
                        where inspection_id = :id""")
                .param("title", e.title()).param("doc", e.documentNumber()).param("d", e.adoptedDate())
                .param("at", ts(at)).param("id", inspectionOf(e.rectificationId()))
                .update();
        jdbc.sql("update progress_item set since_date = :d where rectification_id = :rect and added_in_plan and not removed")
                .param("d", e.adoptedDate()).param("rect", e.rectificationId()).update();
    }

    @EventHandler
    void on(ProgressRecordedEvent e, @SequenceNumber long seq) {
        if (!advance(e.rectificationId(), seq)) {
            return;
        }
        jdbc.sql("""
                        update progress_item set status = :status,
                            since_date = least(since_date, :d), last_progress_date = greatest(last_progress_date, :d)
                        where rectification_id = :rect and item_id = :item""")
                .param("status", e.itemStatus().name()).param("d", e.businessDate())
                .param("rect", e.rectificationId()).param("item", e.itemId())
                .update();
        // progress is recorded only on items not closed off (the aggregate's rule), so the status alone decides
        transition(e.rectificationId(), seq, e.itemId(), e.businessDate(), Ledger.done(e.itemStatus(), CloseOffState.NONE));
    }

    @EventHandler
    void on(CloseOffRequestedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            updateItem(e.rectificationId(), e.itemId(), "close_off = :v", CloseOffState.REQUESTED.name());
        }
    }

    @EventHandler
    void on(CloseOffApprovedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            jdbc.sql("update progress_item set close_off = 'CLOSED_OFF', closed_off_date = :d where rectification_id = :rect and item_id = :item")
                    .param("d", e.businessDate()).param("rect", e.rectificationId()).param("item", e.itemId()).update();
            transition(e.rectificationId(), seq, e.itemId(), e.businessDate(), Ledger.done(null, CloseOffState.CLOSED_OFF));
        }
    }

    @EventHandler
    void on(CloseOffReturnedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            updateItem(e.rectificationId(), e.itemId(), "close_off = :v", CloseOffState.NONE.name());
        }
    }

    @EventHandler
    void on(ItemReopenedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            ItemStatus status = e.status() == null ? ItemStatus.IN_PROGRESS : e.status();
            jdbc.sql("""
                            update progress_item set close_off = 'NONE', closed_off_date = null, status = :status
                            where rectification_id = :rect and item_id = :item""")
                    .param("status", status.name()).param("rect", e.rectificationId()).param("item", e.itemId()).update();
            transition(e.rectificationId(), seq, e.itemId(), e.businessDate(), Ledger.done(status, CloseOffState.NONE));
        }
    }

    @EventHandler
    void on(DeadlineExtendedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            update progress_item set current_due_date = :due, extensions = :n, overdue_since = null
                            where rectification_id = :rect and item_id = :item""")
                    .param("due", e.newDueDate()).param("n", e.extension())
                    .param("rect", e.rectificationId()).param("item", e.itemId()).update();
        }
    }

    @EventHandler
    void on(ItemBecameOverdueEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            updateItem(e.rectificationId(), e.itemId(), "overdue_since = :v", e.overdueSince());
        }
    }

    @EventHandler
    void on(MeetingRecordedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            insert into progress_meeting (rectification_id, meeting_id, kind, meeting_date, title, claims)
                            values (:rect, :id, :kind, :d, :title, :claims) on conflict do nothing""")
                    .param("rect", e.rectificationId()).param("id", e.meetingId()).param("kind", e.kind().name())
                    .param("d", e.date()).param("title", e.title()).param("claims", nullSafe(e.claims()).size())
                    .update();
        }
    }

    @EventHandler
    void on(AccountabilityRecordedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            insert into progress_accountability
                                (rectification_id, outcome_id, kind, outcome_date, persons, persons_not_counted)
                            values (:rect, :id, :kind, :d, :n, :uncounted) on conflict do nothing""")
                    .param("rect", e.rectificationId()).param("id", e.outcomeId()).param("kind", e.kind().name())
                    .param("d", e.date()).param("n", e.personsNotCounted() ? 0 : e.count())
                    .param("uncounted", e.personsNotCounted())
                    .update();
        }
    }

    @EventHandler
    void on(ProcessMetricRecordedEvent e, @SequenceNumber long seq) {
        if (advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            insert into progress_process_metric (rectification_id, metric_id, kind, meeting_kind, count, metric_date)
                            values (:rect, :id, :kind, :meeting, :n, :d) on conflict do nothing""")
                    .param("rect", e.rectificationId()).param("id", e.metricId()).param("kind", e.kind().name())
                    .param("meeting", e.meetingKind() == null ? null : e.meetingKind().name()).param("n", e.count())
                    .param("d", e.date())
                    .update();
        }
    }

    // ---------------------------------------------------------------- finance

    @EventHandler
    void on(RegulationEnactedEvent e, @SequenceNumber long seq) {
        if (!advance(e.ruleBookId(), seq)) {
            return;
        }
        jdbc.sql("""
                        insert into progress_regulation (regulation_id, rule_book_id, unit, title, area, latest_version)
                        values (:id, :book, :unit, :title, :area, :n) on conflict do nothing""")
                .param("id", e.regulationId()).param("book", e.ruleBookId()).param("unit", e.unit())
                .param("title", e.title()).param("area", e.area().name()).param("n", e.versionNumber())
                .update();
        version(e.versionId(), e.regulationId(), e.versionNumber(), e.effectiveFrom());
        links(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumber(), e.answers());
    }

    @EventHandler
    void on(RegulationRevisedEvent e, @SequenceNumber long seq) {
        if (!advance(e.ruleBookId(), seq)) {
            return;
        }
        jdbc.sql("update progress_regulation set latest_version = greatest(latest_version, :n), title = :title where regulation_id = :id")
                .param("n", e.versionNumber()).param("title", e.title()).param("id", e.regulationId()).update();
        version(e.versionId(), e.regulationId(), e.versionNumber(), e.effectiveFrom());
        links(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumber(), e.answers());
    }

    @EventHandler
    void on(RegulationRepealedEvent e, @SequenceNumber long seq) {
        if (advance(e.ruleBookId(), seq)) {
            jdbc.sql("update progress_regulation set repealed_from = :d where regulation_id = :id")
                    .param("d", e.effectiveFrom()).param("id", e.regulationId()).update();
        }
    }

    @EventHandler
    void on(RegulationLinkedEvent e, @SequenceNumber long seq) {
        if (advance(e.ruleBookId(), seq)) {
            links(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumberAtLink(), List.of(e.link()));
        }
    }

    @EventHandler
    void on(MoneyOutcomeRecordedEvent e, @SequenceNumber long seq) {
        if (advance(e.ruleBookId(), seq)) {
            jdbc.sql("""
                            insert into progress_money_outcome (outcome_id, rule_book_id, unit, inspection_id, kind, amount, outcome_date)
                            values (:id, :book, :unit, :insp, :kind, :amount, :d) on conflict do nothing""")
                    .param("id", e.outcomeId()).param("book", e.ruleBookId()).param("unit", e.unit())
                    .param("insp", e.inspectionId()).param("kind", e.kind().name()).param("amount", e.amount())
                    .param("d", e.date())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }

    // ---------------------------------------------------------------- helpers

    /** Moves the aggregate's last applied sequence number to {@code seq}; false when that event was applied already. */
    private boolean advance(String aggregateId, long seq) {
        return jdbc.sql("""
                        insert into progress_stream (aggregate_id, seq) values (:id, :seq)
                        on conflict (aggregate_id) do update set seq = excluded.seq where progress_stream.seq < excluded.seq""")
                .param("id", aggregateId).param("seq", seq).update() == 1;
    }

    private void updateInspection(String inspectionId, Instant at, String assignment, Object value) {
        jdbc.sql("update progress_inspection set " + assignment + ", updated_at = greatest(updated_at, :at) where inspection_id = :id")
                .param("v", value).param("at", ts(at)).param("id", inspectionId).update();
    }

    private void updateItem(String rectificationId, String itemId, String assignment, Object value) {
        var sql = jdbc.sql("update progress_item set " + assignment + " where rectification_id = :rect and item_id = :item")
                .param("rect", rectificationId).param("item", itemId);
        if (assignment.contains(":v")) {
            sql = sql.param("v", value);
        }
        sql.update();
    }

    private void category(String inspectionId, String categoryId, int ordinal, String title) {
        jdbc.sql("""
                        insert into progress_category (inspection_id, category_id, ordinal, title) values (:i, :c, :o, :t)
                        on conflict (inspection_id, category_id) do update set ordinal = excluded.ordinal, title = excluded.title""")
                .param("i", inspectionId).param("c", categoryId).param("o", ordinal).param("t", title).update();
    }

    private void finding(String inspectionId, String findingId, String categoryId, int ordinal, String title) {
        jdbc.sql("""
                        insert into progress_finding (inspection_id, finding_id, category_id, ordinal, title) values (:i, :f, :c, :o, :t)
                        on conflict (inspection_id, finding_id) do update set category_id = excluded.category_id,
                            ordinal = excluded.ordinal, title = excluded.title""")
                .param("i", inspectionId).param("f", findingId).param("c", categoryId).param("o", ordinal).param("t", title)
                .update();
    }

    private void correctFinding(String inspectionId, String findingId, String categoryId, String title) {
        jdbc.sql("""
                        update progress_finding set title = coalesce(:t, title), category_id = coalesce(:c, category_id)
                        where inspection_id = :i and finding_id = :f""")
                .param("t", title).param("c", categoryId).param("i", inspectionId).param("f", findingId).update();
    }

    private void transition(String rectificationId, long seq, String itemId, LocalDate date, boolean done) {
        jdbc.sql("""
                        insert into progress_item_transition (rectification_id, seq, item_id, business_date, done)
                        values (:rect, :seq, :item, :d, :done) on conflict do nothing""")
                .param("rect", rectificationId).param("seq", seq).param("item", itemId).param("d", date).param("done", done)
                .update();
    }

    private void version(String versionId, String regulationId, int number, LocalDate effectiveFrom) {
        jdbc.sql("""
                        insert into progress_regulation_version (version_id, regulation_id, version_number, effective_from)
                        values (:v, :r, :n, :from) on conflict do nothing""")
                .param("v", versionId).param("r", regulationId).param("n", number).param("from", effectiveFrom).update();
    }

    private void links(String ruleBookId, long seq, String regulationId, String versionId, int versionNumber,
                       List<AnswerLink> answers) {
        List<AnswerLink> list = nullSafe(answers);
        for (int i = 0; i < list.size(); i++) {
            AnswerLink l = list.get(i);
            if (l == null) {
                continue;
            }
            jdbc.sql("""
                            insert into progress_regulation_link (rule_book_id, seq, idx, regulation_id, version_id, version_number,
                                inspection_id, finding_id, rectification_item_id)
                            values (:book, :seq, :idx, :reg, :vid, :n, :insp, :finding, :item) on conflict do nothing""")
                    .param("book", ruleBookId).param("seq", seq).param("idx", i).param("reg", regulationId)
                    .param("vid", versionId).param("n", versionNumber).param("insp", blankToNull(l.inspectionId()))
                    .param("finding", blankToNull(l.findingId())).param("item", blankToNull(l.rectificationItemId()))
                    .update();
        }
    }

    private static String inspectionOf(String rectificationId) {
        return RectificationIds.inspectionOf(rectificationId);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
