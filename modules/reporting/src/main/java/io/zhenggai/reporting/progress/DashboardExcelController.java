package io.zhenggai.reporting.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.excel.XlsxWriter;
import io.zhenggai.reporting.progress.ProgressQueries.InspectionSummary;
import io.zhenggai.reporting.progress.ProgressQueries.ListInspectionProgressQuery;
import io.zhenggai.reporting.progress.ProgressQueries.ProgressOverview;
import io.zhenggai.reporting.progress.ProgressQueries.Totals;
import io.zhenggai.reporting.progress.RoundQueries.FindRoundTotalsQuery;
import io.zhenggai.reporting.progress.RoundQueries.RoundTotals;
import io.zhenggai.reporting.progress.RoundQueries.RoundUnit;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dashboard's overview and round view as XLSX workbooks: the same queries as their JSON (so the same figures,
 * from the one ledger arithmetic), written through the platform's {@link XlsxWriter} (text never a formula).
 */
@RestController
@Validated
@Tag(name = "整改进度 Dashboard")
class DashboardExcelController {

    private static final List<String> TOTALS = List.of("整改事项", "已完成", "基本完成", "正在推进", "未启动", "未完成",
            "已建立长效机制", "已销号", "已申请销号", "逾期", "临期", "完成率（%）");

    private static final InspectionKind.Terms EITHER = InspectionKind.eitherTerms();

    private final QueryGateway queries;
    private final Clock clock;
    private final int defaultWarningDays;

    DashboardExcelController(QueryGateway queries, Clock clock,
                             @Value("${zhenggai.rectification.warning-days:10}") int defaultWarningDays) {
        this.queries = queries;
        this.clock = clock;
        this.defaultWarningDays = defaultWarningDays;
    }

    @GetMapping("/api/dashboard/inspections.xlsx")
    @PreAuthorize(ProgressController.READ)
    @Operation(summary = "导出整改进度总览（Excel） The overview as an XLSX workbook: a row per inspection and the totals",
            description = "The figures of GET /api/dashboard/inspections (all pages), with the same ?today=, ?warningDays= "
                    + "and ?roundId=.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = XlsxWriter.CONTENT_TYPE,
                    schema = @Schema(type = "string", format = "binary"))))
    void overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                  @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays,
                  @RequestParam(required = false) @Size(max = 64) String roundId,
                  HttpServletResponse response) throws IOException {
        int days = warningDays != null ? warningDays : defaultWarningDays;
        String round = roundId == null || roundId.isBlank() ? null : roundId;
        List<InspectionSummary> lines = new ArrayList<>();
        ProgressOverview first = null;
        for (int page = 0; ; page++) {
            ProgressOverview overview = queries.query(new ListInspectionProgressQuery(page, 200, today, days, round),
                    ProgressOverview.class).join();
            first = first == null ? overview : first;
            lines.addAll(overview.items());
            if (overview.items().isEmpty() || (long) (page + 1) * 200 >= overview.total()) {
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter x = new XlsxWriter()) {
            x.sheet("整改进度总览").widths(24, 18, 18, 12, 10, 8, 10, 10, 10, 10, 10, 10, 10, 8, 8, 10, 8, 12);
            x.title(InspectionKind.EITHER + "整改进度总览");
            x.info("截至日期", first.today() != null ? first.today() : LocalDate.now(clock));
            if (round != null) {
                x.info("轮次", round);
            }
            x.info("预警天数", first.warningDays());
            x.info("单位数", first.inspections());
            x.blank();
            List<String> header = new ArrayList<>(List.of("编号", EITHER.inspectedUnit(), EITHER.group(), "反馈日期", "状态"));
            header.addAll(List.of("问题数"));
            header.addAll(TOTALS);
            x.header(header);
            for (InspectionSummary s : lines) {
                List<Object> row = new ArrayList<>(Arrays.asList(s.inspectionId(), s.inspectedUnit(), s.inspectingBody(),
                        s.feedbackDate(), s.statusLabel(), s.findings()));
                row.addAll(totals(s.totals()));
                x.row(row);
            }
            List<Object> all = new ArrayList<>(Arrays.asList("合计", null, null, null, null, null));
            all.addAll(totals(first.totals()));
            x.row(all);
            x.writeTo(out);
        }
        XlsxWriter.download(response, "整改进度总览-" + (first.today() != null ? first.today() : LocalDate.now(clock)) + ".xlsx", out.toByteArray());
    }

    @GetMapping("/api/dashboard/rounds/{roundId}.xlsx")
    @PreAuthorize(ProgressController.READ)
    @Operation(summary = "导出轮次视图（Excel） The round view as an XLSX workbook: the round totals and a row per unit",
            description = "The figures of GET /api/dashboard/rounds/{roundId}, with the same ?today= and ?warningDays=.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = XlsxWriter.CONTENT_TYPE,
                    schema = @Schema(type = "string", format = "binary"))))
    void round(@PathVariable String roundId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
               @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays,
               HttpServletResponse response) throws IOException {
        RoundTotals r = Found.orNotFound(queries.query(new FindRoundTotalsQuery(roundId,
                        today != null ? today : LocalDate.now(clock), warningDays != null ? warningDays : defaultWarningDays),
                RoundTotals.class).join(), "inspection round", roundId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter x = new XlsxWriter()) {
            x.sheet("轮次汇总").widths(24, 18, 18, 12, 10, 8, 10, 10, 10, 10, 10, 10, 10, 8, 8, 10, 8, 12, 10, 10, 14);
            x.title(r.name());
            x.info("组织单位", r.organizer());
            x.info("期间", r.periodStart() + " 至 " + (r.periodEnd() == null ? "" : r.periodEnd()));
            x.info("截至日期", r.today());
            x.info("单位数", r.inspections());
            x.info("反馈问题", r.findingTotals().findings());
            x.info("已完成问题", r.findingTotals().completed());
            x.info("健全完善制度", r.regulations().count());
            x.info("问责人数", r.accountability().total());
            x.info("会议", r.meetingCount());
            x.info("挽回资金（元）", r.money().total());
            x.blank();
            List<String> header = new ArrayList<>(List.of("编号", EITHER.inspectedUnit(), EITHER.group(), "反馈日期", "状态", "问题数"));
            header.addAll(TOTALS);
            header.addAll(List.of("制度", "问责", "挽回资金（元）"));
            x.header(header);
            for (RoundUnit u : r.units()) {
                List<Object> row = new ArrayList<>(Arrays.asList(u.inspectionId(), u.inspectedUnit(), u.inspectingBody(),
                        u.feedbackDate(), u.statusLabel(), u.findingTotals().findings()));
                row.addAll(totals(u.totals()));
                row.addAll(Arrays.asList(u.regulations().count(), u.accountability(), u.moneyTotal()));
                x.row(row);
            }
            List<Object> all = new ArrayList<>(Arrays.asList("合计", null, null, null, null, r.findingTotals().findings()));
            all.addAll(totals(r.totals()));
            all.addAll(Arrays.asList(r.regulations().count(), r.accountability().total(), r.money().total()));
            x.row(all);
            x.writeTo(out);
        }
        XlsxWriter.download(response, "轮次汇总-" + roundId + "-" + r.today() + ".xlsx", out.toByteArray());
    }

    private static List<Object> totals(Totals t) {
        return Arrays.asList(t.items(), t.completed(), t.basicallyCompleted(), t.inProgress(), t.notStarted(), t.notCompleted(),
                t.longTermMechanism(), t.closedOff(), t.closeOffRequested(), t.overdue(), t.dueSoon(), t.completionRate());
    }

}
