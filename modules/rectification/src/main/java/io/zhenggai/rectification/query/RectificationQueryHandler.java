package io.zhenggai.rectification.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.platform.domain.BusinessDates;
import org.axonframework.queryhandling.QueryHandler;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Answers the rectification context's queries from the ledger read model; totals and warnings are computed here. */
@Component
class RectificationQueryHandler {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    private final ScopeVisibility visibility;

    RectificationQueryHandler(JdbcClient jdbc, ObjectMapper json, Clock clock, ObjectProvider<ScopeVisibility> visibility) {
        this.visibility = ScopeVisibility.of(visibility);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The date this ledger is judged on: the one asked for, else its as-of date as history, else today. */
    private LocalDate judgedOn(LocalDate requested, LedgerDocument doc) {
        return BusinessDates.judgedOn(requested, doc.asOfDate, clock);
    }

    @QueryHandler
    LedgerView handle(FindLedgerQuery query) {
        return load(query.rectificationId())
                .map(row -> LedgerViews.ledger(row.doc(), row.version(), row.updatedAt(), query.filter(), judgedOn(query.today(), row.doc()),
                        query.warningDays()))
                .orElse(null);
    }

    @QueryHandler
    ItemView handle(FindItemQuery query) {
        return load(query.rectificationId())
                .flatMap(row -> row.doc().item(query.itemId()).filter(i -> !i.removed)
                        .map(i -> LedgerViews.itemView(row.doc(), i, judgedOn(query.today(), row.doc()), query.warningDays())))
                .orElse(null);
    }

    @QueryHandler
    RectificationPage handle(ListRectificationsQuery query) {
        Visibility seen = visibility.current(); // only the rectifications the caller's grants reach (ADR 0031)
        String where = " where " + Visibility.predicate("rectification_id");
        long total = jdbc.sql("select count(*) from rectification_ledger" + where).params(seen.args()).query(Long.class).single();
        List<RectificationSummary> items = jdbc.sql("select version, document, updated_at from rectification_ledger" + where
                        + " order by opened_at desc, rectification_id limit ? offset ?")
                .params(seen.args()).param(query.size()).param((long) query.page() * query.size())
                .query((rs, n) -> new Row(rs.getLong("version"), read(rs.getString("document")),
                        rs.getTimestamp("updated_at").toInstant()))
                .list().stream()
                .map(row -> LedgerViews.summary(row.doc(), row.version(), judgedOn(query.today(), row.doc()), query.warningDays()))
                .toList();
        return new RectificationPage(items, query.page(), query.size(), total);
    }

    private Optional<Row> load(String rectificationId) {
        return jdbc.sql("select version, document, updated_at from rectification_ledger where rectification_id = :id")
                .param("id", rectificationId)
                .query((rs, n) -> new Row(rs.getLong("version"), read(rs.getString("document")),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    private record Row(long version, LedgerDocument doc, Instant updatedAt) {
    }

    private LedgerDocument read(String document) {
        try {
            return json.readValue(document, LedgerDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger document", e);
        }
    }
}
