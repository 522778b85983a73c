package io.zhenggai.finance.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhenggai.finance.query.FinanceRows.*;

/** Answers the queries on regulations: the list, one regulation with its versions and links, the versions in force on a date, and what an inspection's rectification made of the rule books (健全完善制度N项). */
@Component
class RegulationQueryHandler {

    private final JdbcClient jdbc;
    /** Lists show only the rule books of the organisations the caller's grants reach (ADR 0031). */
    private final ScopeVisibility visibility;
    private final ObjectMapper json;
    private final Clock clock;

    RegulationQueryHandler(JdbcClient jdbc, ObjectMapper json, Clock clock, ObjectProvider<ScopeVisibility> visibility) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.visibility = ScopeVisibility.of(visibility);
    }

    private static final Map<String, String> REGULATION_STATUS = Map.of(
            "PENDING", "尚未生效",
            "IN_FORCE", "现行有效",
            "REPEALED", "已废止");

    private static final String STATUS_SQL = """
            case when r.repealed_from is not null and r.repealed_from <= :today then 'REPEALED'
                 when r.first_effective_from > :today then 'PENDING'
                 else 'IN_FORCE' end""";

    @QueryHandler
    RegulationList handle(ListRegulationsQuery q) {
        List<RegulationSummary> items = jdbc.sql("""
                        select * from (select r.*, b.version as book_version, %s as status
                                       from finance_regulation r join finance_rule_book b on b.rule_book_id = r.rule_book_id) r
                        where (cast(:unit as varchar) is null or r.unit = :unit)
                          and (cast(:area as varchar) is null or r.area = :area)
                          and (cast(:status as varchar) is null or r.status = :status)
                          and %s
                        order by r.unit, r.area, r.title""".formatted(STATUS_SQL, Visibility.namedPredicate("r.rule_book_id")))
                .param("today", today()).param("unit", q.unit()).param("area", name(q.area())).param("status", q.status())
                .params(visibility.current().namedArgs())
                .query((rs, n) -> {
                    RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                    String status = rs.getString("status");
                    return new RegulationSummary(rs.getString("regulation_id"), rs.getString("unit"), rs.getString("title"),
                            area, area.label(), status, REGULATION_STATUS.get(status), rs.getInt("current_version_number"),
                            date(rs, "first_effective_from"), date(rs, "current_effective_from"), date(rs, "repealed_from"),
                            rs.getLong("book_version"));
                })
                .list();
        return new RegulationList(items);
    }

    @QueryHandler
    RegulationView handle(FindRegulationQuery q) {
        return jdbc.sql("""
                        select r.*, b.version as book_version, %s as status
                        from finance_regulation r join finance_rule_book b on b.rule_book_id = r.rule_book_id
                        where r.regulation_id = :id""".formatted(STATUS_SQL))
                .param("today", today()).param("id", q.regulationId())
                .query((rs, n) -> {
                    RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                    String status = rs.getString("status");
                    return new RegulationView(rs.getString("regulation_id"), rs.getString("rule_book_id"), rs.getString("unit"),
                            rs.getString("title"), area, area.label(), status, REGULATION_STATUS.get(status),
                            date(rs, "repealed_from"), rs.getString("repeal_reason"), rs.getLong("book_version"),
                            versions(q.regulationId()), links(q.regulationId()));
                })
                .optional().orElse(null);
    }

    private List<VersionView> versions(String regulationId) {
        return jdbc.sql("select * from finance_regulation_version where regulation_id = :id order by version_number")
                .param("id", regulationId)
                .query((rs, n) -> {
                    VersionKind kind = VersionKind.valueOf(rs.getString("kind"));
                    return new VersionView(rs.getString("version_id"), rs.getInt("version_number"), kind, kind.label(),
                            rs.getString("document_number"), date(rs, "effective_from"), date(rs, "effective_until"),
                            rs.getString("summary"), rs.getString("backdating_reason"), read(json, rs.getString("rules"), RULES),
                            instant(rs, "recorded_at"));
                })
                .list();
    }

    private List<LinkView> links(String regulationId) {
        return jdbc.sql("select * from finance_regulation_link where regulation_id = :id order by seq, idx")
                .param("id", regulationId)
                .query((rs, n) -> new LinkView(rs.getString("version_id"), rs.getInt("version_number_at_link"),
                        rs.getString("inspection_id"), rs.getString("finding_id"), rs.getString("rectification_item_id")))
                .list();
    }

    @QueryHandler
    RegulationsInForce handle(FindRegulationsInForceQuery q) {
        List<VersionInForce> items = jdbc.sql("""
                        select r.regulation_id, r.unit, r.title, r.area, v.version_id, v.version_number, v.effective_from,
                               v.effective_until, v.rules
                        from finance_regulation_version v join finance_regulation r on r.regulation_id = v.regulation_id
                        where v.effective_from <= :d and (v.effective_until is null or v.effective_until >= :d)
                          and (r.repealed_from is null or r.repealed_from > :d)
                          and (cast(:unit as varchar) is null or r.unit = :unit)
                          and (cast(:area as varchar) is null or r.area = :area)
                        order by r.unit, r.area, r.title""")
                .param("d", q.date()).param("unit", q.unit()).param("area", name(q.area()))
                .query((rs, n) -> {
                    RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                    return new VersionInForce(rs.getString("regulation_id"), rs.getString("unit"), rs.getString("title"), area,
                            area.label(), rs.getString("version_id"), rs.getInt("version_number"), date(rs, "effective_from"),
                            date(rs, "effective_until"), read(json, rs.getString("rules"), RULES));
                })
                .list();
        return new RegulationsInForce(q.unit(), q.date(), items);
    }

    /**
     * The regulations linked to an inspection, directly (the link names the inspection) or through a finding
     * that the inspection context published for exactly one inspection. A regulation counts once: as revised
     * (修订) when a linked version (or, for a link to the whole regulation, the latest version when linked) is
     * later than the first, as enacted (制定) otherwise.
     */
    @QueryHandler
    InspectionRegulations handle(FindInspectionRegulationsQuery q) {
        record LinkRow(String regulationId, String versionId, int number, String findingId, String itemId) {
        }
        List<LinkRow> rows = jdbc.sql("""
                        select l.regulation_id, l.version_id, coalesce(v.version_number, l.version_number_at_link) as number,
                               l.finding_id, l.rectification_item_id
                        from finance_regulation_link l
                        left join finance_regulation_version v on v.version_id = l.version_id
                        where l.inspection_id = :insp
                           or (l.inspection_id is null and l.finding_id is not null
                               and (select count(*) from finance_finding_ref f where f.finding_id = l.finding_id) = 1
                               and exists (select 1 from finance_finding_ref f
                                           where f.finding_id = l.finding_id and f.inspection_id = :insp))
                        order by l.rule_book_id, l.seq, l.idx""")
                .param("insp", q.inspectionId())
                .query((rs, n) -> new LinkRow(rs.getString("regulation_id"), rs.getString("version_id"), rs.getInt("number"),
                        rs.getString("finding_id"), rs.getString("rectification_item_id")))
                .list();
        Map<String, List<LinkRow>> byRegulation = new LinkedHashMap<>();
        rows.forEach(r -> byRegulation.computeIfAbsent(r.regulationId(), k -> new ArrayList<>()).add(r));
        List<InspectionRegulation> items = new ArrayList<>();
        for (Map.Entry<String, List<LinkRow>> entry : byRegulation.entrySet()) {
            List<LinkRow> links = entry.getValue();
            VersionKind kind = links.stream().anyMatch(l -> l.number() > 1) ? VersionKind.REVISED : VersionKind.ENACTED;
            Set<String> versionIds = new LinkedHashSet<>();
            Set<String> findings = new LinkedHashSet<>();
            Set<String> itemIds = new LinkedHashSet<>();
            for (LinkRow l : links) {
                if (l.versionId() != null) {
                    versionIds.add(l.versionId());
                }
                if (l.findingId() != null) {
                    findings.add(l.findingId());
                }
                if (l.itemId() != null) {
                    itemIds.add(l.itemId());
                }
            }
            jdbc.sql("select unit, title, area from finance_regulation where regulation_id = :id").param("id", entry.getKey())
                    .query((rs, n) -> {
                        RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                        return new InspectionRegulation(entry.getKey(), rs.getString("unit"), rs.getString("title"), area,
                                area.label(), kind, kind.label(), List.copyOf(versionIds), List.copyOf(findings),
                                List.copyOf(itemIds));
                    })
                    .optional().ifPresent(items::add);
        }
        int enacted = (int) items.stream().filter(i -> i.kind() == VersionKind.ENACTED).count();
        int revised = items.size() - enacted;
        String label = "健全完善制度" + items.size() + "项（制定" + enacted + "项、修订" + revised + "项）";
        return new InspectionRegulations(q.inspectionId(), items.size(), enacted, revised, label, items);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
