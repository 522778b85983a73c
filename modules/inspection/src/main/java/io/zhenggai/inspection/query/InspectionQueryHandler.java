package io.zhenggai.inspection.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.inspection.InspectionQueries.*;
import org.axonframework.queryhandling.QueryHandler;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers the inspection context's queries from its read model. */
@Component
class InspectionQueryHandler {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private final ScopeVisibility visibility;

    InspectionQueryHandler(JdbcClient jdbc, ObjectMapper json, ObjectProvider<ScopeVisibility> visibility) {
        this.visibility = ScopeVisibility.of(visibility);
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    InspectionView handle(FindInspectionQuery query) {
        var header = jdbc.sql("select * from inspection where inspection_id = :id")
                .param("id", query.inspectionId())
                .query((rs, n) -> readHeader(rs))
                .optional();
        if (header.isEmpty()) {
            return null;
        }
        List<FindingRow> findings = jdbc.sql("select * from inspection_finding where inspection_id = :id order by category_id, ordinal")
                .param("id", query.inspectionId())
                .query((rs, n) -> new FindingRow(rs.getString("category_id"), new FindingView(
                        rs.getString("finding_id"), rs.getInt("ordinal"), rs.getString("title"), rs.getString("description"),
                        list(rs.getString("manifestations")), rs.getBoolean("withdrawn"), rs.getString("withdrawal_reason"),
                        rs.getInt("corrections"))))
                .list();
        Map<String, List<FindingView>> byCategory = findings.stream().collect(Collectors.groupingBy(FindingRow::categoryId,
                Collectors.mapping(FindingRow::view, Collectors.toList())));
        List<CategoryView> categories = jdbc.sql("select * from inspection_category where inspection_id = :id order by ordinal")
                .param("id", query.inspectionId())
                .query((rs, n) -> new CategoryView(rs.getString("category_id"), rs.getInt("ordinal"), rs.getString("title"),
                        byCategory.getOrDefault(rs.getString("category_id"), List.of())))
                .list();
        Header h = header.get();
        return new InspectionView(h.id, h.roundId, h.body, h.unit, h.mandate, h.legalBasis, h.plannedStart, h.plannedEnd,
                h.fieldworkStart, h.fieldworkEnd, h.feedbackDate, h.status, h.kind.statusLabel(h.status), h.version,
                h.updatedAt, categories, h.kind, h.kind.label(), h.form, h.form == null ? null : h.form.label(), h.level,
                h.level == null ? null : h.level.label());
    }

    @QueryHandler
    InspectionPage handle(ListInspectionsQuery query) {
        Visibility seen = visibility.current(); // only the inspections the caller's grants reach (ADR 0031)
        String scoped = " and " + Visibility.namedPredicate("inspection_id");
        long total = jdbc.sql("select count(*) from inspection where (cast(:round as varchar) is null or round_id = :round)" + scoped)
                .param("round", query.roundId()).params(seen.namedArgs()).query(Long.class).single();
        List<InspectionSummary> items = jdbc.sql("""
                        select i.*, (select count(*) from inspection_finding f
                                     where f.inspection_id = i.inspection_id and not f.withdrawn) as finding_count
                        from inspection i where (cast(:round as varchar) is null or i.round_id = :round)"""
                        + " and " + Visibility.namedPredicate("i.inspection_id")
                        + " order by i.created_at desc, i.inspection_id limit :size offset :offset")
                .param("round", query.roundId()).params(seen.namedArgs()).param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, n) -> new InspectionSummary(rs.getString("inspection_id"), rs.getString("round_id"),
                        rs.getString("inspecting_body"), rs.getString("inspected_unit"), rs.getString("status"),
                        kind(rs).statusLabel(rs.getString("status")), date(rs, "feedback_date"), rs.getInt("finding_count"),
                        rs.getLong("version"), kind(rs), form(rs), level(rs)))
                .list();
        return new InspectionPage(items, query.page(), query.size(), total);
    }

    @QueryHandler
    RoundView handle(FindRoundQuery query) {
        return jdbc.sql(ROUND_SQL + " where r.round_id = :id").param("id", query.roundId())
                .query((rs, n) -> round(rs)).optional().orElse(null);
    }

    @QueryHandler
    RoundList handle(ListRoundsQuery query) {
        return new RoundList(jdbc.sql(ROUND_SQL + " order by r.created_at desc").query((rs, n) -> round(rs)).list());
    }

    private static final String ROUND_SQL = """
            select r.*,
                   (select count(*) from inspection i where i.round_id = r.round_id) as inspection_count,
                   (select count(*) from inspection i where i.round_id = r.round_id and i.feedback_date is not null) as delivered_count,
                   (select count(*) from inspection_finding f join inspection i on i.inspection_id = f.inspection_id
                     where i.round_id = r.round_id and not f.withdrawn) as finding_count
            from inspection_round r""";

    private static RoundView round(ResultSet rs) throws SQLException {
        return new RoundView(rs.getString("round_id"), rs.getString("name"), rs.getString("organizer"),
                date(rs, "period_start"), date(rs, "period_end"), rs.getInt("inspection_count"),
                rs.getInt("delivered_count"), rs.getInt("finding_count"));
    }

    private record FindingRow(String categoryId, FindingView view) {
    }

    private record Header(String id, String roundId, String body, String unit, String mandate, List<String> legalBasis,
                          LocalDate plannedStart, LocalDate plannedEnd, LocalDate fieldworkStart, LocalDate fieldworkEnd,
                          LocalDate feedbackDate, String status, long version, java.time.Instant updatedAt,
                          InspectionKind kind, InspectionForm form, InspectionLevel level) {
    }

    private Header readHeader(ResultSet rs) throws SQLException {
        return new Header(rs.getString("inspection_id"), rs.getString("round_id"), rs.getString("inspecting_body"),
                rs.getString("inspected_unit"), rs.getString("mandate"), list(rs.getString("legal_basis")),
                date(rs, "planned_start"), date(rs, "planned_end"), date(rs, "fieldwork_start"), date(rs, "fieldwork_end"),
                date(rs, "feedback_date"), rs.getString("status"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(), kind(rs), form(rs), level(rs));
    }

    private static InspectionKind kind(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return kind == null ? InspectionKind.DEFAULT : InspectionKind.valueOf(kind);
    }

    private static InspectionForm form(ResultSet rs) throws SQLException {
        String form = rs.getString("form");
        return form == null ? null : InspectionForm.valueOf(form);
    }

    private static InspectionLevel level(ResultSet rs) throws SQLException {
        String level = rs.getString("level");
        return level == null ? null : InspectionLevel.valueOf(level);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private List<String> list(String jsonArray) {
        if (jsonArray == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(json.readValue(jsonArray, new TypeReference<List<String>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
