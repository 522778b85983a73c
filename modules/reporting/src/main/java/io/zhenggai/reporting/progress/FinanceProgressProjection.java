package io.zhenggai.reporting.progress;

import io.zhenggai.api.finance.FinanceEvents.MoneyOutcomeRecordedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationEnactedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationLinkedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRepealedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRevisedEvent;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import io.zhenggai.platform.text.Blanks;

/**
 * The finance side of the progress read model: regulations with their versions and the findings or items they
 * answer, and money outcomes ({@code progress_regulation}, {@code progress_regulation_version},
 * {@code progress_regulation_link}, {@code progress_money_outcome}), from the rule books' events.
 */
@Component
@ProcessingGroup(ProgressProjection.GROUP)
class FinanceProgressProjection {

    static final List<String> TABLES = List.of("progress_money_outcome", "progress_regulation_link", "progress_regulation_version", "progress_regulation");

    private final JdbcClient jdbc;
    private final ProgressRows rows;

    FinanceProgressProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new ProgressRows(jdbc);
    }

    @EventHandler
    void on(RegulationEnactedEvent e, @SequenceNumber long seq) {
        if (!rows.advance(e.ruleBookId(), seq)) {
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
        if (!rows.advance(e.ruleBookId(), seq)) {
            return;
        }
        jdbc.sql("update progress_regulation set latest_version = greatest(latest_version, :n), title = :title where regulation_id = :id")
                .param("n", e.versionNumber()).param("title", e.title()).param("id", e.regulationId()).update();
        version(e.versionId(), e.regulationId(), e.versionNumber(), e.effectiveFrom());
        links(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumber(), e.answers());
    }

    @EventHandler
    void on(RegulationRepealedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.ruleBookId(), seq)) {
            jdbc.sql("update progress_regulation set repealed_from = :d where regulation_id = :id")
                    .param("d", e.effectiveFrom()).param("id", e.regulationId()).update();
        }
    }

    @EventHandler
    void on(RegulationLinkedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.ruleBookId(), seq)) {
            links(e.ruleBookId(), seq, e.regulationId(), e.versionId(), e.versionNumberAtLink(), List.of(e.link()));
        }
    }

    @EventHandler
    void on(MoneyOutcomeRecordedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.ruleBookId(), seq)) {
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

    private void version(String versionId, String regulationId, int number, LocalDate effectiveFrom) {
        jdbc.sql("""
                        insert into progress_regulation_version (version_id, regulation_id, version_number, effective_from)
                        values (:v, :r, :n, :from) on conflict do nothing""")
                .param("v", versionId).param("r", regulationId).param("n", number).param("from", effectiveFrom).update();
    }

    private void links(String ruleBookId, long seq, String regulationId, String versionId, int versionNumber,
                       List<AnswerLink> answers) {
        List<AnswerLink> list = ProgressRows.nullSafe(answers);
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
                    .param("vid", versionId).param("n", versionNumber).param("insp", Blanks.strippedOrNull(l.inspectionId()))
                    .param("finding", Blanks.strippedOrNull(l.findingId())).param("item", Blanks.strippedOrNull(l.rectificationItemId()))
                    .update();
        }
    }
}
