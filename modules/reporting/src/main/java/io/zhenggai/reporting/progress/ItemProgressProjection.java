package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationEvents.*;
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
 * The rectification items of the progress read model ({@code progress_item}) and the days each item became done
 * or undone ({@code progress_item_transition}), from the rectification's plan, progress, close-off and deadline
 * events. Warning levels are not stored: they are computed when asked, for the day asked ({@link ProgressCalculator}).
 */
@Component
@ProcessingGroup(ProgressProjection.GROUP)
class ItemProgressProjection {

    static final List<String> TABLES = List.of("progress_item_transition", "progress_item");

    private final JdbcClient jdbc;
    private final ProgressRows rows;
    private final ObjectMapper json;
    private final Clock clock;

    ItemProgressProjection(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.rows = new ProgressRows(jdbc);
        this.json = json;
        this.clock = clock;
    }

    @EventHandler
    void on(ItemAddedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!rows.advance(e.rectificationId(), seq)) {
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
                .param("rect", e.rectificationId()).param("item", e.itemId()).param("insp", ProgressRows.inspectionOf(e.rectificationId()))
                .param("ord", e.ordinal()).param("title", e.title()).param("kind", e.kind().name())
                .param("findings", toJson(e.findingIds())).param("due", e.dueDate())
                .param("leaderId", e.responsibleLeaderId()).param("leaderName", e.responsibleLeaderName())
                .param("dept", e.responsibleDepartment()).param("handler", e.handler())
                .param("inPlan", !e.afterAdoption()).param("recorded", recorded)
                .update();
    }

    @EventHandler
    void on(ItemRevisedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
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
        if (rows.advance(e.rectificationId(), seq)) {
            rows.updateItem(e.rectificationId(), e.itemId(), "removed = true", null);
        }
    }

    @EventHandler
    void on(ResponsibilityAssignedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
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
        if (!rows.advance(e.rectificationId(), seq)) {
            return;
        }
        jdbc.sql("update progress_inspection set as_of_date = :d, updated_at = greatest(updated_at, :at) where inspection_id = :id")
                .param("d", e.asOfDate()).param("at", ProgressRows.ts(at)).param("id", ProgressRows.inspectionOf(e.rectificationId())).update();
    }

    @EventHandler
    void on(PlanAdoptedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!rows.advance(e.rectificationId(), seq)) {
            return;
        }
        jdbc.sql("""
                        update progress_inspection set plan_adopted = true, plan_title = :title, plan_document = :doc,
                            plan_adopted_date = :d, updated_at = greatest(updated_at, :at)
                        where inspection_id = :id""")
                .param("title", e.title()).param("doc", e.documentNumber()).param("d", e.adoptedDate())
                .param("at", ProgressRows.ts(at)).param("id", ProgressRows.inspectionOf(e.rectificationId()))
                .update();
        jdbc.sql("update progress_item set since_date = :d where rectification_id = :rect and added_in_plan and not removed")
                .param("d", e.adoptedDate()).param("rect", e.rectificationId()).update();
    }

    @EventHandler
    void on(ProgressRecordedEvent e, @SequenceNumber long seq) {
        if (!rows.advance(e.rectificationId(), seq)) {
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
        rows.transition(e.rectificationId(), seq, e.itemId(), e.businessDate(), Ledger.done(e.itemStatus(), CloseOffState.NONE));
    }

    @EventHandler
    void on(CloseOffRequestedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            rows.updateItem(e.rectificationId(), e.itemId(), "close_off = :v", CloseOffState.REQUESTED.name());
        }
    }

    @EventHandler
    void on(CloseOffApprovedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            jdbc.sql("update progress_item set close_off = 'CLOSED_OFF', closed_off_date = :d where rectification_id = :rect and item_id = :item")
                    .param("d", e.businessDate()).param("rect", e.rectificationId()).param("item", e.itemId()).update();
            rows.transition(e.rectificationId(), seq, e.itemId(), e.businessDate(), Ledger.done(null, CloseOffState.CLOSED_OFF));
        }
    }

    @EventHandler
    void on(CloseOffReturnedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            rows.updateItem(e.rectificationId(), e.itemId(), "close_off = :v", CloseOffState.NONE.name());
        }
    }

    @EventHandler
    void on(ItemReopenedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            ItemStatus status = e.status() == null ? ItemStatus.IN_PROGRESS : e.status();
            jdbc.sql("""
                            update progress_item set close_off = 'NONE', closed_off_date = null, status = :status
                            where rectification_id = :rect and item_id = :item""")
                    .param("status", status.name()).param("rect", e.rectificationId()).param("item", e.itemId()).update();
            rows.transition(e.rectificationId(), seq, e.itemId(), e.businessDate(), Ledger.done(status, CloseOffState.NONE));
        }
    }

    @EventHandler
    void on(DeadlineExtendedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            update progress_item set current_due_date = :due, extensions = :n, overdue_since = null
                            where rectification_id = :rect and item_id = :item""")
                    .param("due", e.newDueDate()).param("n", e.extension())
                    .param("rect", e.rectificationId()).param("item", e.itemId()).update();
        }
    }

    @EventHandler
    void on(ItemBecameOverdueEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            rows.updateItem(e.rectificationId(), e.itemId(), "overdue_since = :v", e.overdueSince());
        }
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
