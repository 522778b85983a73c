package io.zhenggai.reporting.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.reporting.progress.ProgressQueries.*;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * The query API of the progress dashboard (整改进度看板), read by the page at {@code /dashboard}. Everything is computed
 * from the events of the inspection, rectification and finance contexts; warning levels for {@code ?today=} (default:
 * the inspection's as-of date when its case is carried as history, else today in the configured zone) and {@code ?warningDays=} (default {@code zhenggai.rectification.warning-days}).
 * {@code UNIT_LEADER}, {@code AUDITOR}, {@code INSPECTOR}, {@code RECTIFIER} and {@code ADMIN} read; others get 403.
 */
@RestController
@Validated
@RequestMapping("/api/dashboard")
@Tag(name = "整改进度 Dashboard", description = "Progress across inspection, rectification and finance, computed from events")
class ProgressController {

    static final String READ = "hasAnyRole('UNIT_LEADER','AUDITOR','INSPECTOR','RECTIFIER','ADMIN')";

    private final QueryGateway queries;
    private final int defaultWarningDays;

    ProgressController(QueryGateway queries,
                       @Value("${zhenggai.rectification.warning-days:10}") int defaultWarningDays) {
        this.queries = queries;
        this.defaultWarningDays = defaultWarningDays;
    }

    @GetMapping("/inspections")
    @PreAuthorize(READ)
    @Operation(summary = "整改进度总览 Overview: every inspection with its headline figures, and the totals over all",
            description = "?roundId= keeps only the inspections of that round, in the page and in the totals.")
    ProgressOverview overview(@RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                              @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays,
                              @RequestParam(required = false) @Size(max = 64) String roundId) {
        return queries.query(new ListInspectionProgressQuery(page, size, today(today), warningDays(warningDays),
                roundId == null || roundId.isBlank() ? null : roundId), ProgressOverview.class).join();
    }

    @GetMapping("/inspections/{inspectionId}")
    @PreAuthorize(READ)
    @Operation(summary = "单次" + InspectionKind.EITHER + "整改进度 Totals, per category / department / leader, warnings, due and overdue items, "
            + "daily burn-down, regulations, money, accountability and meetings of one inspection")
    InspectionProgress inspection(@PathVariable String inspectionId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                  @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays,
                                  @RequestParam(defaultValue = "10") @Min(1) @Max(100) int nextDue) {
        return Found.orNotFound(queries.query(new FindInspectionProgressQuery(inspectionId, today(today),
                warningDays(warningDays), nextDue), InspectionProgress.class).join(), "inspection", inspectionId);
    }

    /** The date asked for; null lets the query judge each inspection on its own as-of date (BusinessDates.judgedOn). */
    private static LocalDate today(LocalDate today) {
        return today;
    }

    private int warningDays(Integer warningDays) {
        return warningDays != null ? warningDays : defaultWarningDays;
    }
}
