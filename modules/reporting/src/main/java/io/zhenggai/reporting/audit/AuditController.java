package io.zhenggai.reporting.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.reporting.audit.AuditQueries.*;
import org.axonframework.queryhandling.QueryGateway;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

import static io.zhenggai.platform.text.Blanks.strippedOrNull;

/**
 * The audit history (审计), for {@code AUDITOR} and {@code ADMIN}: every event in the one global order, exports,
 * the state of any aggregate as of a past point, and causal chains. Everything is read from the event store.
 */
@RestController
@Validated
@RequestMapping("/api/audit")
@Tag(name = "审计 Audit", description = "Audit history, exports, point-in-time views, causal chains")
class AuditController {

    static final String AUDIT = "hasAnyRole('AUDITOR','ADMIN')";

    private final QueryGateway queries;
    private final AuditExport export;
    private final ZoneId zone;

    AuditController(QueryGateway queries, AuditExport export, @Value("${zhenggai.zone:Asia/Shanghai}") String zone) {
        this.queries = queries;
        this.export = export;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Filters of the history. {@code from} is inclusive and {@code to} exclusive; a bare date means the whole day in
     * the configured zone ({@code to=2025-03-01} includes 1 March). {@code after} is the last position already seen.
     */
    record EventQuery(
            @Size(max = 255) String aggregateId,
            @Size(max = 255) String aggregateType,
            @Size(max = 64) String user,
            @Size(max = 255) String type,
            String from,
            String to,
            @Size(max = 255) String correlationId,
            @Min(0) Long after,
            @Min(1) @Max(1000) Integer limit) {

        long afterOrZero() {
            return after == null ? 0 : after;
        }

        int limitOrDefault() {
            return limit == null ? 100 : limit;
        }
    }

    @GetMapping("/events")
    @PreAuthorize(AUDIT)
    @Operation(summary = "审计记录 Every event in global order (JSON page, or NDJSON with Accept: application/x-ndjson)")
    ResponseEntity<AuditEventPage> events(@Valid @ModelAttribute EventQuery query,
                                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                          HttpServletResponse response) throws IOException {
        EventFilter filter = filter(query);
        if (accept != null && accept.contains(AuditExport.NDJSON)) {
            export.ndjson(filter, query.afterOrZero(), response, "audit-events.ndjson");
            return null;
        }
        return ResponseEntity.ok(queries.query(new FindEventPageQuery(filter, query.afterOrZero(), query.limitOrDefault()),
                AuditEventPage.class).join());
    }

    @GetMapping("/events.ndjson")
    @PreAuthorize(AUDIT)
    @Operation(summary = "导出 NDJSON Stream the history as NDJSON (with the stored bytes, verifiable offline)")
    void ndjson(@Valid @ModelAttribute EventQuery query, HttpServletResponse response) throws IOException {
        export.ndjson(filter(query), query.afterOrZero(), response, "audit-events.ndjson");
    }

    @GetMapping("/events.csv")
    @PreAuthorize(AUDIT)
    @Operation(summary = "导出 CSV Stream the history as CSV")
    void csv(@Valid @ModelAttribute EventQuery query, HttpServletResponse response) throws IOException {
        export.csv(filter(query), query.afterOrZero(), response, "audit-events.csv");
    }

    @GetMapping("/aggregates/{aggregateId}")
    @PreAuthorize(AUDIT)
    @Operation(summary = "时点状态 State of an aggregate as of an instant/date (asOf) or a global position (position)")
    AggregateStateView aggregate(@PathVariable String aggregateId,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) @Min(0) Long position) {
        if (asOf != null && position != null) {
            throw new IllegalArgumentException("asOf 与 position 只能指定其一");
        }
        Instant instant = TimeParams.parse("asOf", asOf, zone, TimeParams.DateMeans.END_OF_DAY);
        Cut cut = new Cut(position, instant);
        return Found.orNotFound(queries.query(new FindAggregateStateQuery(aggregateId, cut), AggregateStateView.class).join(),
                cut.equals(Cut.NOW) ? "aggregate" : "aggregate (at that point)", aggregateId);
    }

    @GetMapping("/correlations/{correlationId}")
    @PreAuthorize(AUDIT)
    @Operation(summary = "因果链 Every event caused by a command (correlation id), in order")
    CorrelationView correlation(@PathVariable @Size(max = 255) String correlationId) {
        return Found.orNotFound(queries.query(new FindCorrelationQuery(correlationId), CorrelationView.class).join(),
                "correlation", correlationId);
    }

    private EventFilter filter(EventQuery q) {
        return new EventFilter(strippedOrNull(q.aggregateId()), strippedOrNull(q.aggregateType()), strippedOrNull(q.user()),
                strippedOrNull(q.type()),
                TimeParams.parse("from", q.from(), zone, TimeParams.DateMeans.START_OF_DAY),
                TimeParams.parse("to", q.to(), zone, TimeParams.DateMeans.START_OF_NEXT_DAY),
                strippedOrNull(q.correlationId()), null, null);
    }

}
