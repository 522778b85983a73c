package io.zhenggai.rectification.excel;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.platform.digest.Sha256;
import io.zhenggai.platform.web.InvalidInputException;
import io.zhenggai.rectification.excel.LedgerSheetReader.SheetRow;
import org.apache.poi.ss.util.CellReference;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What importing a 整改台账 would do, row by row, against the ledger as it is now: every row validated first (each
 * bad cell named by row and column, in zh-CN), the commands a person would send, and what exists already. Pure: it
 * sends nothing (the preview is this plan; the import sends it when it has no errors).
 *
 * <p>Ids are derived from the rectification and the row's content (ADR 0041): an item's from its findings, its title
 * and how many rows before it had the same (so the same row imported again names the same item), a progress record's
 * from its item, status, text and evidence. What exists already is not sent again: importing the same file twice
 * changes nothing, and an import broken off resumes.
 */
public final class LedgerImportPlan {

    /** A bad cell: the row as Excel numbers it, the column's letter and header, and what is wrong. */
    public record CellError(int row, String column, String header, String message) {
    }

    /** Where a field was found: the column's letter and its header text. */
    public record MappedColumn(String field, String column, String header) {
    }

    /** One row of the file and the commands it turns into. {@code action}: ADD_ITEM or EXISTS. */
    public record PlannedRow(
            int row,
            String serial,
            String itemId,
            List<String> findingIds,
            String title,
            ItemKind kind,
            LocalDate dueDate,
            String responsibleLeaderId,
            String responsibleLeaderName,
            String responsibleDepartment,
            List<String> measures,
            ItemStatus status,
            String progressText,
            List<String> evidence,
            String progressId,
            String action,
            String progress,
            String progressLabel) {
    }

    private final int headerRow;
    private final List<MappedColumn> columns;
    private final List<PlannedRow> rows;
    private final List<CellError> errors;

    private LedgerImportPlan(int headerRow, List<MappedColumn> columns, List<PlannedRow> rows, List<CellError> errors) {
        this.headerRow = headerRow;
        this.columns = columns;
        this.rows = rows;
        this.errors = errors;
    }

    public int headerRow() {
        return headerRow;
    }

    public List<MappedColumn> columns() {
        return columns;
    }

    public List<PlannedRow> rows() {
        return rows;
    }

    public List<CellError> errors() {
        return errors;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    // progress of a planned row
    static final String RECORD = "RECORD";
    static final String NONE = "NONE";
    static final String EXISTS = "EXISTS";
    static final String AFTER_ADOPTION = "AFTER_ADOPTION";

    private static final int HEADER_SEARCH_ROWS = 30;
    private static final int MAX_EVIDENCE = 100;
    private static final Pattern COLUMN_LETTER = Pattern.compile("[A-Za-z]{1,3}");
    private static final Pattern MEASURE_LABEL = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]+是|[（(]?\\d{1,3}[)）.．、]|[①-⑳])\\s*[，,：:、.．]?\\s*");
    private static final List<DateTimeFormatter> DATES = java.util.stream.Stream.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(java.time.format.ResolverStyle.STRICT)).toList();
    private static final Pattern DATE_IN_TEXT = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern MONTH_IN_TEXT = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(底|末)?$");

    /** Status words offices write, longest first (a cell's text starts with one of them). */
    private static final List<Map.Entry<String, ItemStatus>> STATUS_WORDS = List.of(
            Map.entry("已建立长效机制", ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED),
            Map.entry("建立长效机制", ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED),
            Map.entry("基本完成", ItemStatus.BASICALLY_COMPLETED),
            Map.entry("未完成", ItemStatus.NOT_COMPLETED),
            Map.entry("已完成", ItemStatus.COMPLETED),
            Map.entry("已整改", ItemStatus.COMPLETED),
            Map.entry("完成", ItemStatus.COMPLETED),
            Map.entry("正在推进", ItemStatus.IN_PROGRESS),
            Map.entry("正在整改", ItemStatus.IN_PROGRESS),
            Map.entry("持续推进", ItemStatus.IN_PROGRESS),
            Map.entry("推进中", ItemStatus.IN_PROGRESS),
            Map.entry("整改中", ItemStatus.IN_PROGRESS),
            Map.entry("未启动", ItemStatus.NOT_STARTED),
            Map.entry("未开始", ItemStatus.NOT_STARTED));

    /**
     * Plans the import of {@code sheet} into {@code ledger}. {@code mapping}: for a field key ({@link LedgerColumn#key()})
     * the column by letter (B) or by header text; fields not named are found by their usual headers. Progress is
     * dated {@code progressDate} (checked by the caller); {@code today} bounds no date here (the aggregate does).
     */
    public static LedgerImportPlan plan(List<SheetRow> sheet, Map<String, String> mapping, LedgerView ledger,
                                        Integer headerRowAsked) {
        InspectionKind kind = InspectionKind.orDefault(ledger.kind());
        SheetRow header = headerRow(sheet, headerRowAsked, mapping);
        Map<LedgerColumn, Integer> at = columns(header, mapping);
        List<MappedColumn> mapped = at.entrySet().stream()
                .map(e -> new MappedColumn(e.getKey().key(), letter(e.getValue()), header.cell(e.getValue())))
                .toList();
        List<CellError> errors = new ArrayList<>();
        List<PlannedRow> planned = new ArrayList<>();

        Map<String, String> findingsByTitle = new HashMap<>();
        Set<String> findingIds = new HashSet<>();
        for (CategoryView c : ledger.categories()) {
            for (FindingView f : c.findings()) {
                findingsByTitle.putIfAbsent(normal(f.title()), f.findingId());
                findingIds.add(f.findingId());
            }
        }
        Map<String, MemberView> leaders = new HashMap<>();
        for (MemberView m : ledger.leadershipGroup()) {
            if (m.active()) {
                leaders.put(normal(m.name()), m);
            }
        }
        Map<String, ItemView> items = new HashMap<>();
        for (CategoryView c : ledger.categories()) {
            for (FindingView f : c.findings()) {
                f.items().forEach(i -> items.putIfAbsent(i.itemId(), i));
            }
        }
        boolean adopted = ledger.plan() != null && "ADOPTED".equals(ledger.plan().status());
        Map<String, Integer> occurrences = new HashMap<>();
        String previousProblem = null;

        for (SheetRow row : sheet) {
            if (row.number() <= header.number()) {
                continue;
            }
            Cells cells = new Cells(row, at, header, errors);
            String problem = cells.text(LedgerColumn.PROBLEM, 5000);
            if (problem == null) {
                problem = previousProblem; // a merged 问题 cell keeps its text in the first row only
            }
            if (problem == null) {
                cells.error(LedgerColumn.PROBLEM, "问题不能为空");
                continue;
            }
            previousProblem = problem;
            List<String> findings = findings(problem, findingsByTitle, findingIds);
            if (findings.isEmpty()) {
                cells.error(LedgerColumn.PROBLEM, "本次" + kind.word() + "没有反馈该问题：" + abbreviate(problem));
            }
            String title = cells.text(LedgerColumn.ITEM, 500);
            if (title == null) {
                title = abbreviate(problem.lines().findFirst().orElse(problem), 500);
            }
            ItemKind itemKind = null;
            LocalDate due = null;
            String kindText = cells.text(LedgerColumn.KIND, 20);
            if (kindText != null) {
                itemKind = Arrays.stream(ItemKind.values()).filter(k -> k.label().equals(kindText)).findFirst().orElse(null);
                if (itemKind == null) {
                    cells.error(LedgerColumn.KIND, "整改类型应为“立行立改”“限时完成”或“长期坚持”之一：" + kindText);
                }
            }
            String dueText = cells.text(LedgerColumn.DUE, 100);
            if (dueText != null) {
                if (dueText.contains(ItemKind.ONGOING.label())) {
                    itemKind = itemKind == null ? ItemKind.ONGOING : itemKind;
                } else {
                    due = date(dueText);
                    if (due == null && !dueText.contains(ItemKind.IMMEDIATE.label())) {
                        cells.error(LedgerColumn.DUE, "无法识别完成时限：" + dueText + "（应为日期，如 2023-12-31，或“立行立改”“长期坚持”）");
                    }
                    if (itemKind == null) {
                        itemKind = dueText.contains(ItemKind.IMMEDIATE.label()) ? ItemKind.IMMEDIATE : ItemKind.TIME_BOUND;
                    }
                }
            }
            if (itemKind == null) {
                itemKind = ItemKind.IMMEDIATE;
            }
            if (itemKind == ItemKind.TIME_BOUND && due == null && dueText == null) {
                cells.error(LedgerColumn.DUE, "限时完成的整改事项必须有完成时限");
            }
            if (itemKind == ItemKind.ONGOING && due != null) {
                cells.error(LedgerColumn.DUE, "长期坚持的整改事项没有完成时限");
            }
            if (due != null && ledger.feedbackDate() != null && due.isBefore(ledger.feedbackDate())) {
                cells.error(LedgerColumn.DUE, "完成时限（" + due + "）不能早于" + kind.feedback() + "日期（" + ledger.feedbackDate() + "）");
            }
            String leaderName = cells.text(LedgerColumn.LEADER, 100);
            MemberView leader = null;
            if (leaderName != null) {
                leader = leaders.get(normal(leaderName));
                if (leader == null) {
                    cells.error(LedgerColumn.LEADER, "整改工作领导小组中没有在任的“" + leaderName + "”，请先任命或改正姓名");
                } else if (!leader.role().leads()) {
                    cells.error(LedgerColumn.LEADER, leaderName + "是领导小组" + leader.roleLabel()
                            + "，责任领导须由组长、常务副组长或副组长担任");
                }
            }
            String department = cells.text(LedgerColumn.DEPARTMENT, 200);
            String measuresText = cells.text(LedgerColumn.MEASURES, 100 * 5000);
            List<String> measures = measures(measuresText);
            if (measures.size() > 100) {
                cells.error(LedgerColumn.MEASURES, "一个整改事项最多100条整改措施");
            } else if (measures.stream().anyMatch(m -> m.length() > 5000)) {
                cells.error(LedgerColumn.MEASURES, "每条整改措施最多5000字");
            }
            String statusText = cells.text(LedgerColumn.STATUS, 20000);
            ItemStatus status = ItemStatus.NOT_STARTED;
            if (statusText != null) {
                status = status(statusText);
                if (status == null) {
                    cells.error(LedgerColumn.STATUS, "无法识别完成情况：应以“已完成”“基本完成”“正在推进”“未启动”“未完成”或“已建立长效机制”开头");
                    status = ItemStatus.NOT_STARTED;
                } else if (itemKind == ItemKind.ONGOING && status == ItemStatus.COMPLETED) {
                    cells.error(LedgerColumn.STATUS, "长期坚持的整改事项不会“已完成”，可写“已建立长效机制”");
                } else if (itemKind != ItemKind.ONGOING && status == ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED) {
                    cells.error(LedgerColumn.STATUS, "只有长期坚持的整改事项才能是“已建立长效机制”");
                }
            }
            String evidenceText = cells.text(LedgerColumn.EVIDENCE, 100 * 5000);
            List<String> evidence = evidenceText == null ? List.of()
                    : evidenceText.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (evidence.size() > MAX_EVIDENCE) {
                cells.error(LedgerColumn.EVIDENCE, "一次最多记录" + MAX_EVIDENCE + "项佐证材料");
            } else if (evidence.stream().anyMatch(e -> e.length() > 5000)) {
                cells.error(LedgerColumn.EVIDENCE, "每项佐证材料最多5000字");
            }

            String itemKey = String.join("\u0001", findings) + "\u0000" + normal(title);
            int occurrence = occurrences.merge(itemKey, 1, Integer::sum);
            String itemId = id("xl-", ledger.rectificationId() + "\u0000" + itemKey + "\u0000" + occurrence);
            ItemView existing = items.get(itemId);
            String text = statusText == null ? status.label() : statusText;
            String progressId = id("xlp-", itemId + "\u0000" + status + "\u0000" + text + "\u0000" + String.join("\n", evidence));
            String progress;
            if (status == ItemStatus.NOT_STARTED && evidence.isEmpty()) {
                progress = NONE;
            } else if (existing != null && existing.progress().stream().anyMatch(p -> p.progressId().equals(progressId))) {
                progress = EXISTS;
            } else if (!adopted) {
                progress = AFTER_ADOPTION;
            } else {
                progress = RECORD;
            }
            planned.add(new PlannedRow(row.number(), cells.text(LedgerColumn.SERIAL, 50), itemId, findings, title, itemKind,
                    due, leader == null ? null : leader.memberId(), leader == null ? null : leader.name(), department,
                    measures, status, progress.equals(NONE) ? null : text, evidence, progress.equals(NONE) ? null : progressId,
                    existing == null ? "ADD_ITEM" : "EXISTS", progress, progressLabel(progress)));
        }
        return new LedgerImportPlan(header.number(), mapped, planned, errors);
    }

    private static String progressLabel(String progress) {
        return switch (progress) {
            case RECORD -> "记录整改进展";
            case EXISTS -> "进展已导入";
            case AFTER_ADOPTION -> "整改方案通过后再次导入时记录进展";
            default -> "无进展";
        };
    }

    // ---------------------------------------------------------------- header and mapping

    private static SheetRow headerRow(List<SheetRow> sheet, Integer asked, Map<String, String> mapping) {
        if (asked != null) {
            return sheet.stream().filter(r -> r.number() == asked).findFirst().orElseThrow(() ->
                    new InvalidInputException("headerRow", "HEADER_ROW_EMPTY", "第" + asked + "行是空行，不是表头"));
        }
        SheetRow withoutProblem = null;
        for (SheetRow row : sheet.subList(0, Math.min(sheet.size(), HEADER_SEARCH_ROWS))) {
            long known = Arrays.stream(LedgerColumn.values()).filter(c -> mapped(row, c, mapping)).count();
            if (known >= 3) {
                if (mapped(row, LedgerColumn.PROBLEM, mapping)) {
                    return row;
                }
                withoutProblem = withoutProblem == null ? row : withoutProblem;
            }
        }
        if (withoutProblem != null) {
            throw new InvalidInputException(LedgerColumn.PROBLEM.key(), "COLUMN_NOT_FOUND", "第" + withoutProblem.number()
                    + "行像是表头，但找不到“问题”列，请指明哪一列是问题（problem，如 B 或表头文字）");
        }
        throw new InvalidInputException("headerRow", "HEADER_NOT_FOUND",
                "前" + HEADER_SEARCH_ROWS + "行中找不到表头（应有“问题”“整改措施”“责任部门”等列名），请指明表头所在行（headerRow）");
    }

    private static Map<LedgerColumn, Integer> columns(SheetRow header, Map<String, String> mapping) {
        Map<LedgerColumn, Integer> at = new EnumMap<>(LedgerColumn.class);
        for (LedgerColumn c : LedgerColumn.values()) {
            String named = mapping.get(c.key());
            Integer column;
            if (named != null && !named.isBlank()) {
                column = COLUMN_LETTER.matcher(named.strip()).matches()
                        ? CellReference.convertColStringToIndex(named.strip().toUpperCase(Locale.ROOT))
                        : header.cells().entrySet().stream().filter(e -> normal(e.getValue()).equals(normal(named)))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (column == null) {
                    throw new InvalidInputException(c.key(), "COLUMN_NOT_FOUND", "表头中没有“" + named + "”这一列");
                }
            } else {
                column = find(header, c);
            }
            if (column != null) {
                at.put(c, column);
            } else if (c.required()) {
                throw new InvalidInputException(c.key(), "COLUMN_NOT_FOUND",
                        "表头中找不到“" + c.header() + "”列，请指明哪一列是" + c.header() + "（" + c.key() + "）");
            }
        }
        return at;
    }

    /** Whether the field is in this row: named by hand (a column letter counts as found), or by one of its headers. */
    private static boolean mapped(SheetRow row, LedgerColumn c, Map<String, String> mapping) {
        String named = mapping.get(c.key());
        if (named != null && !named.isBlank()) {
            return COLUMN_LETTER.matcher(named.strip()).matches()
                    || row.cells().values().stream().anyMatch(v -> normal(v).equals(normal(named)));
        }
        return find(row, c) != null;
    }

    private static Integer find(SheetRow header, LedgerColumn c) {
        for (String name : c.headers()) {
            for (Map.Entry<Integer, String> cell : header.cells().entrySet()) {
                if (normal(cell.getValue()).equals(name)) {
                    return cell.getKey();
                }
            }
        }
        return null;
    }

    private static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    /** The cells of one row, by field, with lengths checked and errors named by row and column. */
    private record Cells(SheetRow row, Map<LedgerColumn, Integer> at, SheetRow header, List<CellError> errors) {
        String text(LedgerColumn c, int max) {
            String value = row.cell(at.get(c));
            if (value != null && value.length() > max) {
                error(c, c.header() + "最多" + max + "字");
                return value.substring(0, max);
            }
            return value;
        }

        void error(LedgerColumn c, String message) {
            Integer column = at.get(c);
            errors.add(new CellError(row.number(), column == null ? null : letter(column),
                    column == null ? c.header() : header.cell(column), message));
        }
    }

    // ---------------------------------------------------------------- values

    private static List<String> findings(String problem, Map<String, String> byTitle, Set<String> ids) {
        String whole = byTitle.get(normal(problem));
        if (whole != null) {
            return List.of(whole);
        }
        if (ids.contains(problem.strip())) {
            return List.of(problem.strip());
        }
        List<String> found = new ArrayList<>();
        for (String line : problem.lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String id = byTitle.getOrDefault(normal(line), ids.contains(line) ? line : null);
            if (id == null) {
                return List.of();
            }
            if (!found.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    static List<String> measures(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(line -> MEASURE_LABEL.matcher(line).replaceFirst("").strip())
                .filter(s -> !s.isEmpty()).toList();
    }

    static ItemStatus status(String text) {
        String t = text.strip();
        for (Map.Entry<String, ItemStatus> word : STATUS_WORDS) {
            if (t.startsWith(word.getKey())) {
                return word.getValue();
            }
        }
        return null;
    }

    static LocalDate date(String text) {
        String t = text.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        Matcher m = DATE_IN_TEXT.matcher(t);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher month = MONTH_IN_TEXT.matcher(t);
        if (month.find()) {
            try {
                return LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1)
                        .withDayOfMonth(1).plusMonths(1).minusDays(1); // 2023年12月 / 2023年12月底: the month's last day
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    static String normal(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String id(String prefix, String key) {
        return prefix + Sha256.hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }
}
