package io.zhenggai.finance.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.FinanceEvents.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.inspection.InspectionEvents.DeliveredCategory;
import io.zhenggai.api.inspection.InspectionEvents.DeliveredFinding;
import io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent;
import io.zhenggai.api.inspection.InspectionEvents.FindingRecordedEvent;
import io.zhenggai.api.inspection.InspectionEvents.InspectionJoinedRoundEvent;
import io.zhenggai.api.inspection.InspectionEvents.InspectionScheduledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds the finance read model (tables {@code finance_*}). Every write is idempotent: the rule book row
 * remembers the sequence number of the last event applied, and an event at or below it is skipped, so a
 * redelivered event or a replay never applies twice. Findings published by the inspection context are kept
 * only to attribute regulation links that name a finding without its inspection.
 */
@Component
@ProcessingGroup(FinanceProjection.GROUP)
public class FinanceProjection {

    /** The processing group of the finance read model (what commands wait for, see ReadYourWrites). */
    public static final String GROUP = "finance-projection";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FinanceProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RuleBookOpenedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                        insert into finance_rule_book (rule_book_id, unit, version, updated_at) values (:id, :unit, :seq, :at)
                        on conflict (rule_book_id) do nothing""")
                .param("id", e.ruleBookId()).param("unit", e.unit()).param("seq", seq).param("at", ts(at)).update();
    }

    @EventHandler
    void on(RegulationEnactedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.ruleBookId(), seq, at)) {
            return;
        }
        jdbc.sql("""
                        insert into finance_regulation (regulation_id, rule_book_id, unit, title, area, current_version_number,
                            first_effective_from, current_effective_from, created_at, updated_at)
                        values (:id, :book, :unit, :title, :area, :n, :from, :from, :at, :at)""")
                .param("id", e.regulationId()).param("book", e.ruleBookId()).param("unit", e.unit())
                .param("title", e.title()).param("area", e.area().name()).param("n", e.versionNumber())
                .param("from", e.effectiveFrom()).param("at", ts(at)).update();
        insertVersion(e.regulationId(), e.versionNumber(), e.versionId(), VersionKind.ENACTED, e.documentNumber(),
                e.effectiveFrom(), e.summary(), e.backdatingReason(), e.rules(), at);
        insertLinks(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumber(), e.answers());
    }

    @EventHandler
    void on(RegulationRevisedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.ruleBookId(), seq, at)) {
            return;
        }
        jdbc.sql("update finance_regulation_version set effective_until = :until where version_id = :prev")
                .param("until", e.effectiveFrom().minusDays(1)).param("prev", e.previousVersionId()).update();
        insertVersion(e.regulationId(), e.versionNumber(), e.versionId(), VersionKind.REVISED, e.documentNumber(),
                e.effectiveFrom(), e.changeSummary(), e.backdatingReason(), e.rules(), at);
        jdbc.sql("""
                        update finance_regulation set current_version_number = :n, current_effective_from = :from, updated_at = :at
                        where regulation_id = :id""")
                .param("n", e.versionNumber()).param("from", e.effectiveFrom()).param("at", ts(at))
                .param("id", e.regulationId()).update();
        insertLinks(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumber(), e.answers());
    }

    @EventHandler
    void on(RegulationRepealedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.ruleBookId(), seq, at)) {
            return;
        }
        jdbc.sql("update finance_regulation set repealed_from = :d, repeal_reason = :r, updated_at = :at where regulation_id = :id")
                .param("d", e.effectiveFrom()).param("r", e.reason()).param("at", ts(at)).param("id", e.regulationId()).update();
        jdbc.sql("update finance_regulation_version set effective_until = :until where version_id = :last")
                .param("until", e.effectiveFrom().minusDays(1)).param("last", e.lastVersionId()).update();
    }

    @EventHandler
    void on(RegulationLinkedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.ruleBookId(), seq, at)) {
            insertLinks(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumberAtLink(), List.of(e.link()));
        }
    }

    @EventHandler
    void on(ExpenseRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.ruleBookId(), seq, at)) {
            return;
        }
        jdbc.sql("""
                        insert into finance_expense (expense_id, rule_book_id, unit, expense_date, amount, category, area, payee,
                            description, guests, staff, documents, approvals, items, procedure, recorded_at)
                        values (:id, :book, :unit, :date, :amount, :category, :area, :payee, :desc, :guests, :staff,
                            cast(:docs as jsonb), cast(:approvals as jsonb), cast(:items as jsonb), :procedure, :at)""")
                .param("id", e.expenseId()).param("book", e.ruleBookId()).param("unit", e.unit()).param("date", e.date())
                .param("amount", e.amount()).param("category", e.category().name()).param("area", e.category().area().name())
                .param("payee", e.payee()).param("desc", e.description()).param("guests", e.guests()).param("staff", e.staff())
                .param("docs", toJson(e.documents())).param("approvals", toJson(e.approvals()))
                .param("items", toJson(e.items())).param("procedure", e.procedure()).param("at", ts(at))
                .update();
    }

    @EventHandler
    void on(ExpenseCheckedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.ruleBookId(), seq, at)) {
            return;
        }
        jdbc.sql("""
                        update finance_expense set check_id = :check, verdict = :verdict, breach_count = :n,
                            applied_versions = cast(:applied as jsonb), breaches = cast(:breaches as jsonb)
                        where expense_id = :id""")
                .param("check", e.checkId()).param("verdict", e.verdict().name()).param("n", e.breaches().size())
                .param("applied", toJson(e.appliedVersions())).param("breaches", toJson(e.breaches()))
                .param("id", e.expenseId()).update();
        for (Breach b : e.breaches()) {
            jdbc.sql("""
                            insert into finance_violation (violation_id, rule_book_id, unit, expense_id, expense_date, expense_amount,
                                category, payee, regulation_id, regulation_title, version_id, version_number, area, rule_index,
                                rule_type, rule_label, description, excess_amount, excess_persons, amount_at_stake, status, detected_at)
                            select :vid, :book, :unit, :eid, :date, :amount, :category, x.payee, :reg, :title, :version, :vn, :area,
                                :idx, :type, :label, :desc, :excess, :persons, :stake, 'OPEN', :at
                            from finance_expense x where x.expense_id = :eid""")
                    .param("vid", b.violationId()).param("book", e.ruleBookId()).param("unit", e.unit())
                    .param("eid", e.expenseId()).param("date", e.expenseDate()).param("amount", e.amount())
                    .param("category", e.category().name()).param("reg", b.regulationId()).param("title", b.regulationTitle())
                    .param("version", b.versionId()).param("vn", b.versionNumber()).param("area", b.area().name())
                    .param("idx", b.ruleIndex()).param("type", b.ruleType()).param("label", b.ruleLabel())
                    .param("desc", b.description()).param("excess", b.excessAmount()).param("persons", b.excessPersons())
                    .param("stake", b.amountAtStake()).param("at", ts(at))
                    .update();
        }
    }

    @EventHandler
    void on(ExpenseRecheckedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!advance(e.ruleBookId(), seq, at)) {
            return;
        }
        jdbc.sql("""
                        insert into finance_expense_recheck (recheck_id, expense_id, rules_as_of, verdict, differs_from_binding,
                            applied_versions, breaches, recorded_at)
                        values (:id, :eid, :asof, :verdict, :differs, cast(:applied as jsonb), cast(:breaches as jsonb), :at)""")
                .param("id", e.recheckId()).param("eid", e.expenseId()).param("asof", e.rulesAsOf())
                .param("verdict", e.verdict().name()).param("differs", e.differsFromBinding())
                .param("applied", toJson(e.appliedVersions())).param("breaches", toJson(e.breaches())).param("at", ts(at))
                .update();
    }

    @EventHandler
    void on(ViolationEscalatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.ruleBookId(), seq, at)) {
            jdbc.sql("""
                            update finance_violation set status = 'ESCALATED', inspection_id = :insp, finding_id = :finding,
                                escalated_on = :d, escalation_description = :desc where violation_id = :id""")
                    .param("insp", e.inspectionId()).param("finding", e.findingId()).param("d", e.escalatedOn())
                    .param("desc", e.description()).param("id", e.violationId()).update();
        }
    }

    @EventHandler
    void on(ViolationResolvedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.ruleBookId(), seq, at)) {
            jdbc.sql("""
                            update finance_violation set status = 'RESOLVED', resolution = :res, resolved_on = :d,
                                resolution_note = :note, amount_returned = :returned where violation_id = :id""")
                    .param("res", e.resolution().name()).param("d", e.resolvedOn()).param("note", e.note())
                    .param("returned", e.amountReturned()).param("id", e.violationId()).update();
        }
    }

    @EventHandler
    void on(MoneyOutcomeRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.ruleBookId(), seq, at)) {
            jdbc.sql("""
                            insert into finance_money_outcome (outcome_id, rule_book_id, unit, kind, amount, outcome_date,
                                inspection_id, violation_id, area, description, recorded_at)
                            values (:id, :book, :unit, :kind, :amount, :d, :insp, :vid, :area, :desc, :at)""")
                    .param("id", e.outcomeId()).param("book", e.ruleBookId()).param("unit", e.unit())
                    .param("kind", e.kind().name()).param("amount", e.amount()).param("d", e.date())
                    .param("insp", e.inspectionId()).param("vid", e.violationId())
                    .param("area", e.area() == null ? null : e.area().name()).param("desc", e.description())
                    .param("at", ts(at)).update();
        }
    }

    // ---- findings published by the inspection context ----------------------------------------------------------

    @EventHandler
    void on(FindingRecordedEvent e) {
        findingRef(e.inspectionId(), e.findingId());
    }

    @EventHandler
    void on(FeedbackDeliveredEvent e) {
        for (DeliveredCategory c : e.categories()) {
            for (DeliveredFinding f : c.findings()) {
                findingRef(e.inspectionId(), f.findingId());
            }
        }
    }

    // ---- the round of each inspection, for money totals per round -------------------------------------------------

    @EventHandler
    void on(InspectionScheduledEvent e, @SequenceNumber long seq) {
        inspectionRound(e.inspectionId(), e.roundId(), seq);
    }

    @EventHandler
    void on(InspectionJoinedRoundEvent e, @SequenceNumber long seq) {
        inspectionRound(e.inspectionId(), e.roundId(), seq);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("finance_inspection_round", "finance_money_outcome", "finance_violation", "finance_expense_recheck", "finance_expense",
                "finance_finding_ref", "finance_regulation_link", "finance_regulation_version", "finance_regulation",
                "finance_rule_book")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void inspectionRound(String inspectionId, String roundId, long seq) {
        jdbc.sql("""
                        insert into finance_inspection_round (inspection_id, round_id, seq) values (:i, :r, :seq)
                        on conflict (inspection_id) do update set round_id = excluded.round_id, seq = excluded.seq
                        where finance_inspection_round.seq < excluded.seq""")
                .param("i", inspectionId).param("r", roundId == null || roundId.isBlank() ? null : roundId).param("seq", seq)
                .update();
    }

    private void findingRef(String inspectionId, String findingId) {
        jdbc.sql("insert into finance_finding_ref (inspection_id, finding_id) values (:i, :f) on conflict do nothing")
                .param("i", inspectionId).param("f", findingId).update();
    }

    private void insertVersion(String regulationId, int number, String versionId, VersionKind kind, String documentNumber,
                               LocalDate from, String summary, String backdatingReason, List<ExpenseRule> rules, Instant at) {
        jdbc.sql("""
                        insert into finance_regulation_version (regulation_id, version_number, version_id, kind, document_number,
                            effective_from, summary, backdating_reason, rules, recorded_at)
                        values (:id, :n, :vid, :kind, :doc, :from, :summary, :reason, cast(:rules as jsonb), :at)""")
                .param("id", regulationId).param("n", number).param("vid", versionId).param("kind", kind.name())
                .param("doc", documentNumber).param("from", from).param("summary", summary).param("reason", backdatingReason)
                .param("rules", rulesJson(rules)).param("at", ts(at))
                .update();
    }

    private void insertLinks(String ruleBookId, long seq, String regulationId, String versionId, int versionNumberAtLink,
                             List<AnswerLink> links) {
        for (int i = 0; i < links.size(); i++) {
            AnswerLink l = links.get(i);
            jdbc.sql("""
                            insert into finance_regulation_link (rule_book_id, seq, idx, regulation_id, version_id,
                                version_number_at_link, inspection_id, finding_id, rectification_item_id)
                            values (:book, :seq, :idx, :reg, :vid, :n, :insp, :finding, :item)""")
                    .param("book", ruleBookId).param("seq", seq).param("idx", i).param("reg", regulationId)
                    .param("vid", versionId).param("n", versionNumberAtLink).param("insp", l.inspectionId())
                    .param("finding", l.findingId()).param("item", l.rectificationItemId())
                    .update();
        }
    }

    /** Moves the rule book's version to {@code seq}; false when that event was applied already. */
    private boolean advance(String ruleBookId, long seq, Instant at) {
        return jdbc.sql("update finance_rule_book set version = :seq, updated_at = :at where rule_book_id = :id and version < :seq")
                .param("seq", seq).param("at", ts(at)).param("id", ruleBookId).update() == 1;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private String rulesJson(List<ExpenseRule> rules) {
        try {
            // the declared element type keeps each rule's "type"
            return json.writerFor(json.getTypeFactory().constructCollectionType(List.class, ExpenseRule.class))
                    .writeValueAsString(rules == null ? List.of() : rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
