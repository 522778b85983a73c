package io.zhenggai.rectification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.api.rectification.RectificationQueries.FindLedgerAsOfQuery;
import io.zhenggai.api.rectification.RectificationQueries.FindLedgerQuery;
import io.zhenggai.api.rectification.RectificationQueries.LedgerFilter;
import io.zhenggai.api.rectification.RectificationQueries.LedgerView;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.excel.XlsxWriter;
import io.zhenggai.rectification.excel.LedgerImporter;
import io.zhenggai.rectification.excel.LedgerImporter.ImportResult;
import io.zhenggai.rectification.excel.LedgerWorkbook;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 整改台账 in and out of Excel: the ledger as an XLSX workbook (now, or as it stood on a past date), and the import
 * of an office's workbook — a preview first (what each row would create, every bad cell), then the import itself,
 * which sends the same commands a person would send, as the caller.
 */
@RestController
@Validated
@RequestMapping("/api/rectifications/{inspectionId}")
@Tag(name = "整改 Rectification")
class LedgerExcelController {

    private final QueryGateway queries;
    private final LedgerImporter importer;
    private final Clock clock;
    private final int defaultWarningDays;

    LedgerExcelController(QueryGateway queries, LedgerImporter importer, Clock clock,
                          @Value("${zhenggai.rectification.warning-days:10}") int defaultWarningDays) {
        this.queries = queries;
        this.importer = importer;
        this.clock = clock;
        this.defaultWarningDays = defaultWarningDays;
    }

    @GetMapping("/ledger.xlsx")
    @PreAuthorize(RectificationController.READ)
    @Operation(summary = "导出整改台账（Excel） The ledger as an XLSX workbook",
            description = "A header block (unit, inspection group, inspection, feedback date, as-of date, totals), one row "
                    + "per item with the office's columns, its evidence references and its history (progress, close-off "
                    + "review, extensions), and a sheet of totals. ?asOf= (a date) gives the ledger as it stood at the end "
                    + "of that day, folded from the events recorded until then, with warnings judged on that date.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = XlsxWriter.CONTENT_TYPE,
                    schema = @Schema(type = "string", format = "binary"))))
    void ledgerXlsx(@PathVariable String inspectionId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays,
                    HttpServletResponse response) throws IOException {
        String rectificationId = RectificationIds.forInspection(inspectionId);
        int days = warningDays != null ? warningDays : defaultWarningDays;
        LedgerView ledger;
        if (asOf != null) {
            RuleViolationException.require(!asOf.isAfter(LocalDate.now(clock)), "AS_OF_IN_FUTURE", "截至日期不能晚于今天：" + asOf);
            Instant until = asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1);
            ledger = queries.query(new FindLedgerAsOfQuery(rectificationId, until, LedgerFilter.none(), asOf, days),
                    LedgerView.class).join();
        } else {
            ledger = queries.query(new FindLedgerQuery(rectificationId, LedgerFilter.none(), null, days), LedgerView.class).join();
        }
        ledger = Found.orNotFound(ledger, "rectification", inspectionId);
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // whole before the first byte: a failure is still a problem
        LedgerWorkbook.write(ledger, ledger.today(), out);
        XlsxWriter.download(response, "整改台账-" + inspectionId + "-" + ledger.today() + ".xlsx", out.toByteArray());
    }

    /** The form fields of an import besides the file: the mapping (field → column letter or header text) and dates. */
    record ImportForm(
            @Parameter(description = "表头所在行（默认：自动查找）") @Min(1) @Max(1000) Integer headerRow,
            @Parameter(description = "进展日期：导入的整改进展的业务日期（表格中有进展时必填）")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Parameter(description = "方案通过后新增事项的理由（默认：依据导入的整改台账新增）") @Size(max = 2000) String reason,
            @Parameter(description = "序号列（列字母如 A，或表头文字）") @Size(max = 100) String serial,
            @Parameter(description = "问题列（默认：表头“问题”）") @Size(max = 100) String problem,
            @Parameter(description = "整改事项列（默认：表头“整改事项”；没有时以问题为事项名称）") @Size(max = 100) String item,
            @Parameter(description = "整改措施列") @Size(max = 100) String measures,
            @Parameter(description = "责任领导列") @Size(max = 100) String leader,
            @Parameter(description = "责任部门列") @Size(max = 100) String department,
            @Parameter(description = "整改类型列") @Size(max = 100) String kind,
            @Parameter(description = "完成时限列") @Size(max = 100) String dueDate,
            @Parameter(description = "完成情况列") @Size(max = 100) String status,
            @Parameter(description = "佐证材料列") @Size(max = 100) String evidence) {

        Map<String, String> mapping() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("serial", serial);
            m.put("problem", problem);
            m.put("item", item);
            m.put("measures", measures);
            m.put("leader", leader);
            m.put("department", department);
            m.put("kind", kind);
            m.put("dueDate", dueDate);
            m.put("status", status);
            m.put("evidence", evidence);
            return LedgerImporter.mapping(m);
        }
    }

    @PostMapping(value = "/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(RectificationController.RECORD)
    @Operation(summary = "预览导入整改台账 Preview the import of an XLSX ledger (changes nothing)",
            description = "Multipart part 'file' (.xlsx) and the mapping fields. Answers, row by row, what the import would "
                    + "create (ADD_ITEM or EXISTS, progress RECORD / EXISTS / AFTER_ADOPTION / NONE) and every bad cell "
                    + "by row and column. Nothing is sent.")
    ImportResult preview(@PathVariable String inspectionId, @RequestPart("file") MultipartFile file,
                         @Valid @ModelAttribute ImportForm form) throws IOException {
        return importer.preview(inspectionId, RectificationIds.forInspection(inspectionId), bytes(file), form.mapping(),
                form.headerRow());
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(RectificationController.RECORD)
    @Operation(summary = "导入整改台账 Import an XLSX ledger: items, measures, responsibility and progress",
            description = "Validates every row first: a file with any bad cell imports nothing (422 IMPORT_INVALID with "
                    + "errors: [{row, column, header, message}]). Then sends, as the caller, the commands a person would "
                    + "send; rows already imported are skipped, so the same file imported again changes nothing. Progress "
                    + "needs an adopted plan: before adoption only the items are added, and importing the file again after "
                    + "adoption records the progress. ETag = the rectification's version afterwards.")
    ResponseEntity<ImportResult> importLedger(@PathVariable String inspectionId, @RequestPart("file") MultipartFile file,
                                              @Valid @ModelAttribute ImportForm form) throws IOException {
        ImportResult result = importer.importFile(inspectionId, RectificationIds.forInspection(inspectionId), bytes(file),
                form.mapping(), form.headerRow(), form.date(), form.reason());
        return ResponseEntity.ok().eTag("\"" + result.version() + "\"").body(result);
    }


    private byte[] bytes(MultipartFile file) throws IOException {
        if (file.getSize() > importer.maxFileSize().toBytes()) {
            throw new MaxUploadSizeExceededException(importer.maxFileSize().toBytes());
        }
        return file.getBytes();
    }
}
