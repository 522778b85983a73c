package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.reporting.audit.AuditQueries.*;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 审计 pages for people (ADR 0053: the audit reads are this module's queries, so its pages live here, in the one
 * layout): the event browser with filters and paging and the export links, the state of any aggregate — or of an
 * inspection's ledger — as of a date, and the causal chain of a correlation id (the verification of the hash chain is
 * {@code ChainPages}, beside the chain it checks).
 * The same queries as {@code /api/audit} (so the same scope filter); bad input is shown on the page and changes nothing.
 */
@Controller
@Hidden
@RequestMapping("/workbench/audit")
class AuditPages {

    private final QueryGateway queries;
    private final ZoneId zone;
    private final ObjectMapper json;

    AuditPages(QueryGateway queries, ObjectMapper json, @Value("${zhenggai.zone:Asia/Shanghai}") String zone) {
        this.queries = queries;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    @PreAuthorize(AuditController.AUDIT)
    String events(@RequestParam(required = false) String aggregateId, @RequestParam(required = false) String aggregateType,
                  @RequestParam(required = false) String user, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String correlationId, @RequestParam(required = false) String after,
                  Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "aggregateId", aggregateId);
        put(filters, "aggregateType", aggregateType);
        put(filters, "user", user);
        put(filters, "type", type);
        put(filters, "from", from);
        put(filters, "to", to);
        put(filters, "correlationId", correlationId);
        model.addAttribute("filters", filters);
        model.addAttribute("exportQuery", query(filters));
        try {
            long afterPosition = after == null || after.isBlank() ? 0 : Math.max(0, Long.parseLong(after.strip()));
            EventFilter filter = new EventFilter(filters.get("aggregateId"), filters.get("aggregateType"), filters.get("user"),
                    filters.get("type"), TimeParams.parse("from", from, zone, TimeParams.DateMeans.START_OF_DAY),
                    TimeParams.parse("to", to, zone, TimeParams.DateMeans.START_OF_NEXT_DAY), filters.get("correlationId"), null, null);
            AuditEventPage page = queries.query(new FindEventPageQuery(filter, afterPosition, 50), AuditEventPage.class).join();
            model.addAttribute("page", page);
            model.addAttribute("after", afterPosition);
            if (page.next() != null) {
                Map<String, String> next = new LinkedHashMap<>(filters);
                next.put("after", String.valueOf(page.next()));
                model.addAttribute("nextQuery", query(next));
            }
        } catch (NumberFormatException e) {
            model.addAttribute("error", "after 应为事件序号（非负整数）");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "audit/events";
    }

    /** The state of an aggregate — or of the ledger of an inspection ({@code inspectionId}) — as of a date or instant. */
    @GetMapping("/state")
    @PreAuthorize(AuditController.AUDIT)
    String state(@RequestParam(required = false) String aggregateId, @RequestParam(required = false) String inspectionId,
                 @RequestParam(required = false) String asOf, Model model) {
        String id = blank(inspectionId) ? (blank(aggregateId) ? null : aggregateId.strip())
                : RectificationIds.forInspection(inspectionId.strip());
        model.addAttribute("aggregateId", blank(aggregateId) ? "" : aggregateId.strip());
        model.addAttribute("inspectionId", blank(inspectionId) ? "" : inspectionId.strip());
        model.addAttribute("asOf", blank(asOf) ? "" : asOf.strip());
        if (id != null) {
            try {
                Instant instant = TimeParams.parse("asOf", asOf, zone, TimeParams.DateMeans.END_OF_DAY);
                AggregateStateView state = queries.query(new FindAggregateStateQuery(id, new Cut(null, instant)),
                        AggregateStateView.class).join();
                model.addAttribute("resolvedId", id);
                model.addAttribute("state", state);
                model.addAttribute("stateJson", state == null ? null
                        : json.writerWithDefaultPrettyPrinter().writeValueAsString(state.state()));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return "audit/state";
    }

    @GetMapping("/chain")
    @PreAuthorize(AuditController.AUDIT)
    String chain(@RequestParam(required = false) String correlationId, Model model) {
        model.addAttribute("correlationId", blank(correlationId) ? "" : correlationId.strip());
        if (!blank(correlationId)) {
            model.addAttribute("chain", queries.query(new FindCorrelationQuery(correlationId.strip()), CorrelationView.class).join());
        }
        return "audit/chain";
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (!blank(value)) {
            filters.put(name, value.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String query(Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        params.forEach(b::queryParam);
        String q = b.encode().build().toUriString();
        return q.startsWith("?") ? q.substring(1) : q;
    }
}
