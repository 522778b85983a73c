package io.zhenggai.rectification.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.api.rectification.RectificationQueries.FindLedgerQuery;
import io.zhenggai.api.rectification.RectificationQueries.LedgerFilter;
import io.zhenggai.api.rectification.RectificationQueries.LedgerView;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.web.InvalidInputException;
import io.zhenggai.rectification.excel.LedgerColumn;
import io.zhenggai.rectification.excel.LedgerImportPlan.CellError;
import io.zhenggai.rectification.excel.LedgerImportPlan.MappedColumn;
import io.zhenggai.rectification.excel.LedgerImportPlan.PlannedRow;
import io.zhenggai.rectification.excel.LedgerImporter;
import io.zhenggai.rectification.excel.LedgerImporter.ImportResult;
import jakarta.servlet.http.HttpSession;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 导入整改台账, the page of the Excel import on an inspection's ledger (ADR 0053: the import is this module's
 * {@link LedgerImporter}, with types of its own, so its page lives here, in the one layout, under the pages' chain):
 * upload an XLSX → the mapping (a column per field, prefilled with the columns the preview detected) → the preview
 * table (each row, and each bad cell in its row and column) → import. The preview and the import are the very calls of
 * {@code POST …/imports/preview} and {@code POST …/imports}; the commands go out as the signed-in user, so the scope
 * checks are the API's. The uploaded file waits in the user's session (one at a time) between the steps.
 */
@Controller
@Hidden
@RequestMapping("/workbench/ledgers/{inspectionId}/import")
class LedgerImportPages {

    static final String PENDING = LedgerImportPages.class.getName() + ".pending";

    /** The file uploaded and waiting for its import: whose ledger, a token the page carries, its name and bytes. */
    record Pending(String inspectionId, String token, String fileName, byte[] bytes) implements Serializable {
    }

    /** One line of the preview table: the row as Excel numbers it, what it turns into (null if it has errors), the
     *  message of each bad cell by column letter, and the messages not about a mapped column. */
    public record PreviewLine(int row, PlannedRow planned, Map<String, String> errors, List<String> otherErrors) {
        public String error(String column) {
            return errors.get(column);
        }
    }

    private final LedgerImporter importer;
    private final QueryGateway queries;
    private final Clock clock;
    private final int warningDays;

    LedgerImportPages(LedgerImporter importer, QueryGateway queries, Clock clock,
                      @Value("${zhenggai.rectification.warning-days:10}") int warningDays) {
        this.importer = importer;
        this.queries = queries;
        this.clock = clock;
        this.warningDays = warningDays;
    }

    /** Step 1 (no {@code upload}): choose the file. Steps 2 and 3 ({@code upload} = the token of the file waiting): the
     *  mapping, prefilled with what the preview detected, and the preview table; the mapping is a GET form (a preview
     *  changes nothing). */
    @GetMapping
    @PreAuthorize(RectificationController.RECORD)
    String page(@PathVariable String inspectionId, @RequestParam(required = false) String upload,
                @RequestParam Map<String, String> params, HttpSession session, Model model) {
        LedgerView ledger = ledger(inspectionId);
        model.addAttribute("ledger", ledger);
        model.addAttribute("fields", LedgerColumn.values());
        model.addAttribute("today", ledger.today() != null ? ledger.today() : LocalDate.now(clock));
        Pending pending = pending(session, inspectionId, upload);
        if (upload != null && pending == null) {
            model.addAttribute("uploadError", "上传的文件已失效，请重新选择文件");
        }
        if (pending == null) {
            return "rectification/import";
        }
        model.addAttribute("pending", pending);
        Integer headerRow = headerRow(params.get("headerRow"), model);
        Map<String, String> mapping = LedgerImporter.mapping(trimmed(params));
        try {
            ImportResult preview = importer.preview(inspectionId, RectificationIds.forInspection(inspectionId),
                    pending.bytes(), mapping, headerRow);
            model.addAttribute("preview", preview);
            model.addAttribute("lines", lines(preview));
            Map<String, String> chosen = new LinkedHashMap<>();
            for (MappedColumn c : preview.columns()) {
                chosen.put(c.field(), c.column());
            }
            chosen.putAll(mapping);
            model.addAttribute("mapping", chosen);
            model.addAttribute("headerRow", preview.headerRow());
        } catch (InvalidInputException e) {
            model.addAttribute("mapping", mapping);
            model.addAttribute("headerRow", headerRow);
            model.addAttribute("fileError", e.getMessage());
            model.addAttribute("fileErrorField", e.field());
        } catch (RuleViolationException e) {
            model.addAttribute("mapping", mapping);
            model.addAttribute("headerRow", headerRow);
            model.addAttribute("fileError", e.getMessage());
        }
        return "rectification/import";
    }

    /** Keeps the file in the session (replacing any other waiting) and shows its preview. */
    @PostMapping("/upload")
    @PreAuthorize(RectificationController.RECORD)
    String upload(@PathVariable String inspectionId, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String headerRow, HttpSession session, RedirectAttributes redirect)
            throws IOException {
        ledger(inspectionId); // 404 for a ledger the user's grants do not reach
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", "请选择要导入的 Excel 文件（.xlsx）");
            return "redirect:" + base(inspectionId);
        }
        if (file.getSize() > importer.maxFileSize().toBytes()) {
            redirect.addFlashAttribute("uploadError", "文件超过" + importer.maxFileSize().toMegabytes() + "MB，请分批导入");
            return "redirect:" + base(inspectionId);
        }
        Pending pending = new Pending(inspectionId, UUID.randomUUID().toString(), file.getOriginalFilename(), file.getBytes());
        session.setAttribute(PENDING, pending);
        UriComponentsBuilder target = UriComponentsBuilder.fromPath(base(inspectionId)).queryParam("upload", pending.token());
        if (headerRow != null && !headerRow.isBlank()) {
            target.queryParam("headerRow", headerRow.strip());
        }
        return "redirect:" + target.encode().build().toUriString();
    }

    /** Imports the waiting file with the mapping shown: every row valid, or nothing is sent. */
    @PostMapping
    @PreAuthorize(RectificationController.RECORD)
    String importFile(@PathVariable String inspectionId, @RequestParam Map<String, String> params, HttpSession session,
                      RedirectAttributes redirect) {
        Pending pending = pending(session, inspectionId, params.get("upload"));
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(base(inspectionId));
        if (pending == null) {
            ledger(inspectionId);
            redirect.addFlashAttribute("uploadError", "上传的文件已失效，请重新选择文件");
            return "redirect:" + back.encode().build().toUriString();
        }
        back.queryParam("upload", pending.token());
        Map<String, String> mapping = LedgerImporter.mapping(trimmed(params));
        mapping.forEach(back::queryParam);
        String headerRowText = params.get("headerRow");
        if (headerRowText != null && !headerRowText.isBlank()) {
            back.queryParam("headerRow", headerRowText.strip());
        }
        String backPath = "redirect:" + back.encode().build().toUriString();
        Integer headerRow;
        LocalDate date;
        try {
            headerRow = headerRowText == null || headerRowText.isBlank() ? null : Integer.valueOf(headerRowText.strip());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("importErrors", Map.of("headerRow", "表头所在行必须是正整数"));
            return backPath;
        }
        try {
            String d = params.get("date");
            date = d == null || d.isBlank() ? null : LocalDate.parse(d.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("importErrors", Map.of("date", "进展日期不是有效的日期（格式：年-月-日）"));
            return backPath;
        }
        try {
            ImportResult result = importer.importFile(inspectionId, RectificationIds.forInspection(inspectionId),
                    pending.bytes(), mapping, headerRow, date, params.get("reason"));
            session.removeAttribute(PENDING);
            Map<String, Integer> c = result.counts();
            redirect.addFlashAttribute("message", "已导入：新增事项 " + (c.get("itemsToAdd"))
                    + " 项，记录进展 " + c.get("progressToRecord") + " 条"
                    + (c.get("progressAfterAdoption") > 0 ? "；" + c.get("progressAfterAdoption") + " 条进展待整改方案通过后再次导入" : ""));
            return "redirect:/workbench/ledgers/" + UriUtils.encodePathSegment(inspectionId, StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("importErrors", Map.of(e.field(), e.getMessage()));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("importErrors", Map.of("_", e.getMessage()));
        }
        return backPath;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView denied() {
        return new ModelAndView("workbench/denied");
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e) {
        return new ModelAndView("workbench/not-found").addObject("detail", "所指定的对象不存在，或您无权查看：" + e.id());
    }

    // ------------------------------------------------------------------ helpers

    private LedgerView ledger(String inspectionId) {
        return Found.orNotFound(queries.query(new FindLedgerQuery(RectificationIds.forInspection(inspectionId),
                LedgerFilter.none(), null, warningDays), LedgerView.class).join(), "rectification", inspectionId);
    }

    private static Pending pending(HttpSession session, String inspectionId, String token) {
        Object value = session.getAttribute(PENDING);
        return value instanceof Pending p && p.inspectionId().equals(inspectionId) && p.token().equals(token) ? p : null;
    }

    /** The preview table: a line per row of the file that is planned or has errors, in the file's order. */
    static List<PreviewLine> lines(ImportResult preview) {
        Map<Integer, PlannedRow> planned = new LinkedHashMap<>();
        for (PlannedRow r : preview.rows()) {
            planned.put(r.row(), r);
        }
        TreeSet<Integer> numbers = new TreeSet<>(planned.keySet());
        preview.errors().forEach(e -> numbers.add(e.row()));
        java.util.Set<String> mapped = new java.util.HashSet<>();
        preview.columns().forEach(c -> mapped.add(c.column()));
        List<PreviewLine> lines = new ArrayList<>();
        for (int n : numbers) {
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> other = new ArrayList<>();
            for (CellError e : preview.errors()) {
                if (e.row() != n) {
                    continue;
                }
                if (e.column() != null && mapped.contains(e.column())) {
                    errors.merge(e.column(), e.message(), (a, b) -> a + "；" + b);
                } else {
                    other.add((e.column() != null ? e.column() + "列" + (e.header() != null ? "（" + e.header() + "）" : "") + "：" : "")
                            + e.message());
                }
            }
            lines.add(new PreviewLine(n, planned.get(n), errors, other));
        }
        return lines;
    }

    private static Integer headerRow(String value, Model model) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int row = Integer.parseInt(value.strip());
            if (row >= 1 && row <= 1000) {
                return row;
            }
        } catch (NumberFormatException e) {
            // shown below
        }
        model.addAttribute("headerRowError", "表头所在行必须是 1 到 1000 之间的整数");
        return null;
    }

    private static Map<String, String> trimmed(Map<String, String> params) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LedgerColumn c : LedgerColumn.values()) {
            String v = params.get(c.key());
            if (v != null && !v.isBlank()) {
                m.put(c.key(), v.strip().length() > 100 ? v.strip().substring(0, 100) : v.strip());
            }
        }
        return m;
    }

    private static String base(String inspectionId) {
        return "/workbench/ledgers/" + UriUtils.encodePathSegment(inspectionId, StandardCharsets.UTF_8) + "/import";
    }
}
