package io.zhenggai.reporting.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.reporting.progress.RoundQueries.*;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Rounds (轮次) read from the progress read model: the totals of a round of inspections with a row per unit, at
 * {@code /api/inspection-rounds/{roundId}/totals} and, for the dashboard page, {@code /api/dashboard/rounds/{roundId}}
 * (the same answer). Warning levels for {@code ?today=} and {@code ?warningDays=} as on the dashboard. The dashboard's
 * readers read; others get 403. An unknown round is 404.
 */
@RestController
@Validated
@Tag(name = "整改进度 Dashboard", description = "Progress across inspection, rectification and finance, computed from events")
class RoundController {

    private final QueryGateway queries;
    private final Clock clock;
    private final int defaultWarningDays;

    RoundController(QueryGateway queries, Clock clock, @Value("${zhenggai.rectification.warning-days:10}") int defaultWarningDays) {
        this.queries = queries;
        this.clock = clock;
        this.defaultWarningDays = defaultWarningDays;
    }

    @GetMapping("/api/inspection-rounds/{roundId}/totals")
    @PreAuthorize(ProgressController.READ)
    @Operation(summary = "轮次汇总 Round totals: inspections, findings and items by every status, exact rates, regulations, "
            + "meetings, accountability, money and process metrics by kind, with a row per unit",
            description = "Every figure is the sum of the units' figures, each folded through the one ledger arithmetic.")
    RoundTotals totals(@PathVariable String roundId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                       @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays) {
        return Found.orNotFound(queries.query(new FindRoundTotalsQuery(roundId, today != null ? today : LocalDate.now(clock),
                warningDays != null ? warningDays : defaultWarningDays), RoundTotals.class).join(), "inspection round", roundId);
    }

    @GetMapping("/api/dashboard/rounds/{roundId}")
    @PreAuthorize(ProgressController.READ)
    @Operation(summary = "轮次视图 The round view of the dashboard: the round totals with a row per unit")
    RoundTotals round(@PathVariable String roundId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                      @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays) {
        return totals(roundId, today, warningDays);
    }

    @GetMapping("/api/dashboard/rounds")
    @PreAuthorize(ProgressController.READ)
    @Operation(summary = "轮次列表 The rounds the dashboard knows, with their number of inspections")
    RoundRefs rounds() {
        return queries.query(new ListRoundsProgressQuery(), RoundRefs.class).join();
    }
}
