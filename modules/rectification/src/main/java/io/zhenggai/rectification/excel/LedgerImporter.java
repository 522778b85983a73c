package io.zhenggai.rectification.excel;

import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.RectificationCommands.AddItemCommand;
import io.zhenggai.api.rectification.RectificationCommands.NewMeasure;
import io.zhenggai.api.rectification.RectificationCommands.RecordProgressCommand;
import io.zhenggai.api.rectification.RectificationQueries.FindLedgerQuery;
import io.zhenggai.api.rectification.RectificationQueries.LedgerFilter;
import io.zhenggai.api.rectification.RectificationQueries.LedgerView;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.platform.web.InvalidInputException;
import io.zhenggai.rectification.excel.LedgerImportPlan.PlannedRow;
import io.zhenggai.rectification.query.RectificationLedgerProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Imports a 整改台账 workbook into a rectification: reads it (streaming), plans it whole against the current ledger
 * ({@link LedgerImportPlan}: every bad cell named, nothing sent while there is one), then sends the commands a person
 * would send — add the item with its measures and responsibility, record its progress with the evidence — through
 * the command gateway, as the caller (the scope enforcement of ADR 0031 checks each command), dated with the business
 * date given. What exists already is skipped, so the same file imported again sends nothing.
 */
@Component
public class LedgerImporter {

    /** The answer of a preview or an import: the plan, and (after an import) what was sent. */
    public record ImportResult(
            String inspectionId,
            String rectificationId,
            boolean valid,
            boolean imported,
            int headerRow,
            List<LedgerImportPlan.MappedColumn> columns,
            Map<String, Integer> counts,
            List<PlannedRow> rows,
            List<LedgerImportPlan.CellError> errors,
            Long version) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites reads;
    private final Clock clock;
    private final DataSize maxFileSize;
    private final int maxRows;
    private final int warningDays;

    LedgerImporter(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, Clock clock,
                   @Value("${zhenggai.import.max-file-size:10MB}") DataSize maxFileSize,
                   @Value("${zhenggai.import.max-rows:5000}") int maxRows,
                   @Value("${zhenggai.rectification.warning-days:10}") int warningDays) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
        this.maxRows = maxRows;
        this.warningDays = warningDays;
    }

    public DataSize maxFileSize() {
        return maxFileSize;
    }

    /** What the import would do; sends nothing. */
    public ImportResult preview(String inspectionId, String rectificationId, byte[] file, Map<String, String> mapping,
                                Integer headerRow) {
        LedgerView ledger = ledger(inspectionId, rectificationId);
        LedgerImportPlan plan = plan(file, mapping, headerRow, ledger);
        return result(inspectionId, rectificationId, plan, false, ledger.version());
    }

    /**
     * Imports the file when every row is valid (else throws IMPORT_INVALID with every bad cell, having sent nothing).
     * {@code date}: the business date of the progress recorded; {@code reason}: why items are added to an adopted plan.
     */
    public ImportResult importFile(String inspectionId, String rectificationId, byte[] file, Map<String, String> mapping,
                                   Integer headerRow, LocalDate date, String reason) {
        LedgerView ledger = ledger(inspectionId, rectificationId);
        LedgerImportPlan plan = plan(file, mapping, headerRow, ledger);
        if (!plan.valid()) {
            throw RuleViolationException.invalid("IMPORT_INVALID", "表格中有" + plan.errors().size()
                            + "处错误，未导入任何内容；请改正后重新导入")
                    .with("errors", plan.errors());
        }
        boolean progress = plan.rows().stream().anyMatch(r -> LedgerImportPlan.RECORD.equals(r.progress()));
        if (progress) {
            if (date == null) {
                throw new InvalidInputException("date", "DATE_REQUIRED", "表格中有整改进展，必须给出进展日期（date）");
            }
            if (date.isAfter(LocalDate.now(clock))) {
                throw new InvalidInputException("date", "DATE_IN_FUTURE", "进展日期不能晚于今天：" + date);
            }
            if (ledger.feedbackDate() != null && date.isBefore(ledger.feedbackDate())) {
                throw new InvalidInputException("date", "DATE_BEFORE_FEEDBACK", "进展日期（" + date + "）不能早于"
                        + io.zhenggai.api.inspection.InspectionKind.orDefault(ledger.kind()).feedback() + "日期（"
                        + ledger.feedbackDate() + "）");
            }
        }
        boolean adopted = ledger.plan() != null && "ADOPTED".equals(ledger.plan().status());
        String addReason = reason != null && !reason.isBlank() ? reason.strip() : "依据导入的整改台账新增";
        Object version = null;
        for (PlannedRow row : plan.rows()) {
            try {
                if ("ADD_ITEM".equals(row.action())) {
                    List<NewMeasure> measures = IntStream.range(0, row.measures().size())
                            .mapToObj(n -> new NewMeasure(row.itemId() + "-m" + (n + 1), row.measures().get(n))).toList();
                    version = commands.sendAndWait(new AddItemCommand(rectificationId, row.itemId(), row.findingIds(),
                            row.title(), row.kind(), row.dueDate(), row.responsibleLeaderId(), row.responsibleDepartment(),
                            null, measures, adopted ? addReason : null, null));
                }
                if (LedgerImportPlan.RECORD.equals(row.progress())) {
                    List<Evidence> evidence = IntStream.range(0, row.evidence().size())
                            .mapToObj(n -> new Evidence(row.progressId() + "-e" + (n + 1), EvidenceKind.TEXT,
                                    row.evidence().get(n), null, null, null, null, null)).toList();
                    version = commands.sendAndWait(new RecordProgressCommand(rectificationId, row.itemId(), null,
                            row.progressId(), date, row.status(), null, row.progressText(), evidence, null));
                }
            } catch (RuleViolationException e) {
                // validated whole beforehand; a rule only the aggregate knows stopped it: what was sent stays, and
                // importing the file again resumes at this row (ids are derived from the rows)
                throw RuleViolationException.invalid("IMPORT_STEP_REFUSED", "第" + row.row() + "行未能导入：" + e.getMessage()
                                + "（此前各行已导入；改正后重新导入同一文件会从此行继续）")
                        .with("row", row.row()).with("refusal", e.code());
            }
        }
        if (version != null) {
            reads.await(rectificationId, RectificationLedgerProjection.GROUP);
        }
        LedgerView after = ledger(inspectionId, rectificationId);
        return result(inspectionId, rectificationId, plan, true, after.version());
    }

    private LedgerImportPlan plan(byte[] file, Map<String, String> mapping, Integer headerRow, LedgerView ledger) {
        if (file.length > maxFileSize.toBytes()) {
            throw RuleViolationException.invalid("IMPORT_TOO_LARGE", "文件超过" + maxFileSize.toMegabytes() + "MB，请分批导入");
        }
        RuleViolationException.require(file.length > 0, "FILE_EMPTY", "上传的文件是空的");
        return LedgerImportPlan.plan(LedgerSheetReader.read(file, maxRows), mapping, ledger, headerRow);
    }

    private LedgerView ledger(String inspectionId, String rectificationId) {
        return Found.orNotFound(queries.query(new FindLedgerQuery(rectificationId, LedgerFilter.none(), null, warningDays),
                LedgerView.class).join(), "rectification", inspectionId);
    }

    private static ImportResult result(String inspectionId, String rectificationId, LedgerImportPlan plan, boolean imported,
                                       long version) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("rows", plan.rows().size());
        counts.put("itemsToAdd", (int) plan.rows().stream().filter(r -> "ADD_ITEM".equals(r.action())).count());
        counts.put("itemsExisting", (int) plan.rows().stream().filter(r -> "EXISTS".equals(r.action())).count());
        counts.put("progressToRecord", count(plan, LedgerImportPlan.RECORD));
        counts.put("progressExisting", count(plan, LedgerImportPlan.EXISTS));
        counts.put("progressAfterAdoption", count(plan, LedgerImportPlan.AFTER_ADOPTION));
        counts.put("errors", plan.errors().size());
        return new ImportResult(inspectionId, rectificationId, plan.valid(), imported && plan.valid(), plan.headerRow(),
                plan.columns(), counts, plan.rows(), plan.errors(), version);
    }

    private static int count(LedgerImportPlan plan, String progress) {
        return (int) plan.rows().stream().filter(r -> progress.equals(r.progress())).count();
    }

    /** The mapping parameters of a request: field key → column letter or header text (blank ones dropped). */
    public static Map<String, String> mapping(Map<String, String> parameters) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (LedgerColumn c : LedgerColumn.values()) {
            String value = parameters.get(c.key());
            if (value != null && !value.isBlank()) {
                mapping.put(c.key(), value);
            }
        }
        return mapping;
    }

}
