package io.zhenggai.rectification.excel;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.platform.excel.XlsxWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 整改台账 as an XLSX workbook: a header block (unit, inspection, as-of date, totals), then one row per item with the
 * office's columns ({@link LedgerColumn}, so the file can be imported again), its evidence references and its
 * history (progress, close-off review, extensions). A second sheet lists the totals. Every figure is the ledger
 * view's (the one ledger arithmetic); nothing is computed here.
 */
public final class LedgerWorkbook {

    static final List<String> COLUMNS = List.of(
            LedgerColumn.SERIAL.header(), "问题类别", LedgerColumn.PROBLEM.header(), LedgerColumn.ITEM.header(),
            LedgerColumn.MEASURES.header(), LedgerColumn.LEADER.header(), LedgerColumn.DEPARTMENT.header(), "经办人",
            LedgerColumn.KIND.header(), LedgerColumn.DUE.header(), LedgerColumn.STATUS.header(), "销号状态", "预警",
            LedgerColumn.EVIDENCE.header(), "进展记录", "销号审核记录", "延期记录", "事项编号", "问题编号");

    private LedgerWorkbook() {
    }

    /** Writes the ledger; {@code asOf} is the date the figures stand for (the header block says it). */
    public static void write(LedgerView ledger, LocalDate asOf, OutputStream out) throws IOException {
        InspectionKind kind = InspectionKind.orDefault(ledger.kind());
        try (XlsxWriter x = new XlsxWriter()) {
            x.sheet("整改台账").widths(6, 20, 36, 30, 48, 10, 16, 10, 10, 12, 12, 10, 8, 40, 48, 36, 30, 20, 12);
            x.title(ledger.inspectedUnit() + kind.rectification() + "台账");
            x.info(kind.inspectedUnit(), ledger.inspectedUnit());
            x.info(kind.group(), ledger.inspectingBody());
            x.info(kind.word() + "编号", ledger.inspectionId());
            x.info(kind.feedback() + "日期", ledger.feedbackDate());
            x.info("截至日期", asOf);
            Totals t = ledger.totals();
            x.info("整改事项", "共" + t.items() + "项，已完成" + t.completed() + "项，已销号" + t.closedOff() + "项，完成率"
                    + (t.completionRate() == null ? "—" : t.completionRate().stripTrailingZeros().toPlainString() + "%"));
            x.blank();
            x.header(COLUMNS);
            int serial = 0;
            for (Line line : lines(ledger)) {
                ItemView i = line.item();
                x.row(Arrays.asList(
                        ++serial,
                        line.categories(),
                        line.problems(),
                        i.title(),
                        i.measures().stream().map(m -> m.label() + "，" + m.text()).collect(Collectors.joining("\n")),
                        i.responsibleLeaderName(),
                        i.responsibleDepartment(),
                        i.handler(),
                        i.kindLabel(),
                        due(i),
                        i.statusLabel(),
                        i.closeOffLabel(),
                        i.warningLabel(),
                        i.evidence().stream().map(LedgerWorkbook::evidence).collect(Collectors.joining("\n")),
                        i.progress().stream().map(LedgerWorkbook::progress).collect(Collectors.joining("\n")),
                        i.closeOffHistory().stream().map(r -> r.businessDate() + " " + r.actionLabel()
                                + (r.text() == null ? "" : "：" + r.text())).collect(Collectors.joining("\n")),
                        i.extensions().stream().map(e -> e.businessDate() + " 由" + e.previousDueDate() + "延至" + e.newDueDate()
                                + "（" + e.reason() + "，" + e.approver() + "批准）").collect(Collectors.joining("\n")),
                        i.itemId(),
                        String.join("\n", i.findingIds())));
            }
            x.sheet("合计").widths(20, 12);
            x.info("截至日期", asOf);
            x.header(List.of("指标", "数量"));
            x.row(List.of("整改事项", t.items()));
            x.row(List.of("已完成", t.completed()));
            x.row(List.of("基本完成", t.basicallyCompleted()));
            x.row(List.of("正在推进", t.inProgress()));
            x.row(List.of("未启动", t.notStarted()));
            x.row(List.of("未完成", t.notCompleted()));
            x.row(List.of("已建立长效机制", t.longTermMechanism()));
            x.row(List.of("已销号", t.closedOff()));
            x.row(List.of("已申请销号", t.closeOffRequested()));
            x.row(List.of("逾期", t.overdue()));
            x.row(List.of("临期", t.dueSoon()));
            x.row(Arrays.asList("完成率（%）", t.completionRate()));
            FindingTotals f = ledger.findingTotals();
            x.row(List.of("反馈问题", f.findings()));
            x.row(List.of("已完成问题", f.completed()));
            x.writeTo(out);
        }
    }

    /** One row per item, in the ledger's order; an item serving several findings is listed once, naming all of them. */
    static List<Line> lines(LedgerView ledger) {
        Map<String, ItemView> items = new LinkedHashMap<>();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (CategoryView c : ledger.categories()) {
            for (FindingView f : c.findings()) {
                for (ItemView i : f.items()) {
                    items.putIfAbsent(i.itemId(), i);
                    problems.computeIfAbsent(i.itemId(), k -> new ArrayList<>()).add(f.title());
                    List<String> cs = categories.computeIfAbsent(i.itemId(), k -> new ArrayList<>());
                    if (!cs.contains(c.title())) {
                        cs.add(c.title());
                    }
                }
            }
        }
        return items.values().stream().map(i -> new Line(i, String.join("\n", problems.get(i.itemId())),
                String.join("\n", categories.get(i.itemId())))).toList();
    }

    record Line(ItemView item, String problems, String categories) {
    }

    private static Object due(ItemView i) {
        if (i.kind() == ItemKind.ONGOING) {
            return ItemKind.ONGOING.label();
        }
        return i.currentDueDate() != null ? i.currentDueDate() : i.kindLabel();
    }

    private static String progress(ProgressView p) {
        String status = p.itemStatus() == null ? "" : " " + p.itemStatus().label();
        return p.businessDate() + status + (p.text() == null ? "" : "：" + p.text());
    }

    /** The reference of one piece of evidence, as a person would cite it. */
    static String evidence(EvidenceView view) {
        Evidence e = view.evidence();
        String ref = switch (e.kind()) {
            case DOCUMENT -> "《" + e.document().title() + "》" + opt(e.document().number()) + opt(e.document().date());
            case MEETING -> e.meeting().title() + opt(e.meeting().kind()) + opt(e.meeting().date());
            case ORGANISATION -> e.organisation().name() + opt(e.organisation().date());
            case FIGURE -> e.figure().metric() + " " + e.figure().value().stripTrailingZeros().toPlainString()
                    + (e.figure().unit() == null ? "" : e.figure().unit()) + opt(e.figure().asOf());
            case TEXT -> e.description();
            case FILE -> "附件";
        };
        if (e.kind() != io.zhenggai.api.rectification.EvidenceKind.TEXT && e.description() != null) {
            ref += "：" + e.description();
        }
        if (e.file() != null) {
            ref += " [" + e.file().fileName() + "，SHA-256 " + e.file().sha256() + "]";
        }
        return ref.replace('\n', ' ');
    }

    private static String opt(Object value) {
        return value == null ? "" : " " + value;
    }
}
