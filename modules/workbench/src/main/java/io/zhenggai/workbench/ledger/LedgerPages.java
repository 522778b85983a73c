package io.zhenggai.workbench.ledger;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.workbench.Forms;
import io.zhenggai.workbench.WorkbenchRoles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.zhenggai.platform.text.Blanks.strippedOrNull;

/**
 * 整改台账 pages: the list of rectifications, the ledger of one (a table of its items, filtered by query parameters),
 * an item (measures, evidence, progress with files, close-off, reopening, extensions, its history), the leadership
 * group, meetings and accountability. Every form sends the command the API sends for it, with the version the page
 * was rendered with (If-Match as a hidden field), and answers with a redirect (Post/Redirect/Get).
 */
@Controller
@Hidden
@RequestMapping("/workbench/ledgers")
class LedgerPages {

    private final LedgerReads ledgers;
    private final CommandGateway commands;
    private final Clock clock;

    LedgerPages(LedgerReads ledgers, CommandGateway commands, Clock clock) {
        this.ledgers = ledgers;
        this.commands = commands;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reads

    @GetMapping
    @PreAuthorize(WorkbenchRoles.READ_EXPRESSION)
    String list(Model model) {
        model.addAttribute("rectifications", ledgers.rectifications());
        return "workbench/ledgers";
    }

    @GetMapping("/{inspectionId}")
    @PreAuthorize(WorkbenchRoles.READ_EXPRESSION)
    String ledger(@PathVariable String inspectionId,
                  @RequestParam(required = false) List<String> status,
                  @RequestParam(required = false) String warningLevel,
                  @RequestParam(required = false) String closeOff,
                  @RequestParam(required = false) String department,
                  @RequestParam(required = false) String leader,
                  Model model) {
        List<ItemStatus> statuses = status == null ? null : status.stream().filter(s -> !s.isBlank())
                .map(s -> parse(ItemStatus.class, s)).filter(java.util.Objects::nonNull).toList();
        LedgerFilter filter = new LedgerFilter(statuses == null || statuses.isEmpty() ? null : statuses,
                parse(CloseOffState.class, closeOff), strippedOrNull(department), strippedOrNull(leader),
                parse(WarningLevel.class, warningLevel));
        LedgerView ledger = ledgers.ledger(inspectionId, filter);
        model.addAttribute("ledger", ledger);
        model.addAttribute("rows", LedgerReads.rows(ledger));
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("warningLevels", WarningLevel.values());
        model.addAttribute("closeOffStates", CloseOffState.values());
        model.addAttribute("selectedStatuses", statuses == null ? List.of() : statuses);
        model.addAttribute("departments", LedgerReads.rows(ledgers.ledger(inspectionId, null)).stream()
                .map(r -> r.item().responsibleDepartment()).filter(d -> d != null && !d.isBlank()).distinct().sorted().toList());
        return "workbench/ledger";
    }

    @GetMapping("/{inspectionId}/items/{itemId}")
    @PreAuthorize(WorkbenchRoles.READ_EXPRESSION)
    String item(@PathVariable String inspectionId, @PathVariable String itemId, Model model) {
        LedgerView ledger = ledgers.ledger(inspectionId, null);
        ItemView item = ledgers.item(inspectionId, itemId);
        model.addAttribute("ledger", ledger);
        model.addAttribute("item", item);
        model.addAttribute("today", businessToday(ledger));
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("history", ItemHistory.of(item));
        model.addAttribute("pendingEvidence", ItemHistory.pendingEvidence(item));
        return "workbench/item";
    }

    @GetMapping("/{inspectionId}/group")
    @PreAuthorize(WorkbenchRoles.READ_EXPRESSION)
    String group(@PathVariable String inspectionId, Model model) {
        LedgerView ledger = ledgers.ledger(inspectionId, null);
        model.addAttribute("ledger", ledger);
        model.addAttribute("today", businessToday(ledger));
        model.addAttribute("roles", io.zhenggai.api.rectification.LeadershipRole.values());
        return "workbench/group";
    }

    @GetMapping("/{inspectionId}/meetings")
    @PreAuthorize(WorkbenchRoles.READ_EXPRESSION)
    String meetings(@PathVariable String inspectionId, Model model) {
        LedgerView ledger = ledgers.ledger(inspectionId, null);
        model.addAttribute("ledger", ledger);
        model.addAttribute("today", businessToday(ledger));
        model.addAttribute("meetingKinds", io.zhenggai.api.rectification.MeetingKind.values());
        model.addAttribute("accountabilityKinds", io.zhenggai.api.rectification.AccountabilityKind.values());
        return "workbench/meetings";
    }

    // ------------------------------------------------------------------ progress and close-off (RECTIFIER)

    @PostMapping("/{inspectionId}/items/{itemId}/progress")
    @PreAuthorize(WorkbenchRoles.RECORD_EXPRESSION)
    String recordProgress(@PathVariable String inspectionId, @PathVariable String itemId,
                          @RequestParam Map<String, String> values,
                          @RequestParam(name = "files", required = false) List<MultipartFile> files,
                          RedirectAttributes redirect) {
        Forms form = new Forms("progress", values);
        String rectificationId = LedgerReads.rectificationId(inspectionId);
        LocalDate date = form.date("date", "进展日期", true);
        ItemStatus status = form.choice("status", "整改状态", ItemStatus.class, true);
        String text = form.requiredText("text", "进展情况");
        String measureId = form.text("measureId");
        Long version = form.version();
        List<Evidence> evidence = new ArrayList<>();
        String docTitle = form.text("documentTitle");
        if (docTitle != null) {
            evidence.add(new Evidence(UUID.randomUUID().toString(), EvidenceKind.DOCUMENT, null,
                    new Evidence.Document(docTitle, form.text("documentNumber"), form.date("documentDate", "发文日期", false)),
                    null, null, null, null));
        }
        String metric = form.text("figureMetric");
        if (metric != null) {
            java.math.BigDecimal value = form.decimal("figureValue", "数值");
            if (value == null && form.valid()) {
                form.error("figureValue", "请填写数值");
            }
            evidence.add(new Evidence(UUID.randomUUID().toString(), EvidenceKind.FIGURE, null, null, null, null,
                    new Evidence.Figure(metric, value, form.text("figureUnit"), date), null));
        }
        List<MultipartFile> uploads = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        boolean sent = form.send(() -> {
            for (MultipartFile upload : uploads) {
                StoredEvidenceFile stored = commands.sendAndWait(new StoreEvidenceFileCommand(rectificationId,
                        upload.getOriginalFilename(), upload.getContentType(), bytes(upload)));
                evidence.add(new Evidence(UUID.randomUUID().toString(), EvidenceKind.FILE, stored.fileName(), null, null, null,
                        null, new Evidence.File(stored.sha256(), stored.fileName(), stored.contentType(), stored.size())));
            }
            commands.sendAndWait(new RecordProgressCommand(rectificationId, itemId, measureId, UUID.randomUUID().toString(),
                    date, status, null, text, evidence, version));
        });
        return afterCommand(inspectionId, sent, form, redirect, "已记录整改进展", itemPath(inspectionId, itemId));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/close-off/request")
    @PreAuthorize(WorkbenchRoles.RECORD_EXPRESSION)
    String requestCloseOff(@PathVariable String inspectionId, @PathVariable String itemId,
                           @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("closeOffRequest", values);
        LocalDate date = form.date("date", "申请日期", true);
        String summary = form.requiredText("summary", "整改完成情况");
        Long version = form.version();
        boolean sent = form.send(() -> commands.sendAndWait(new RequestCloseOffCommand(LedgerReads.rectificationId(inspectionId),
                itemId, date, summary, List.of(), version)));
        return afterCommand(inspectionId, sent, form, redirect, "已提交销号申请，等待单位领导审批", itemPath(inspectionId, itemId));
    }

    // ------------------------------------------------------------------ reopening and extension (UNIT_LEADER)

    @PostMapping("/{inspectionId}/items/{itemId}/reopening")
    @PreAuthorize(WorkbenchRoles.LEAD_EXPRESSION)
    String reopen(@PathVariable String inspectionId, @PathVariable String itemId,
                  @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("reopening", values);
        LocalDate date = form.date("date", "回头看日期", true);
        String reason = form.requiredText("reason", "重新打开的原因");
        Long version = form.version();
        boolean sent = form.send(() -> commands.sendAndWait(new ReopenItemCommand(LedgerReads.rectificationId(inspectionId),
                itemId, date, reason, version)));
        return afterCommand(inspectionId, sent, form, redirect, "已重新打开（回头看）", itemPath(inspectionId, itemId));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/extensions")
    @PreAuthorize(WorkbenchRoles.LEAD_EXPRESSION)
    String extend(@PathVariable String inspectionId, @PathVariable String itemId,
                  @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("extension", values);
        LocalDate newDueDate = form.date("newDueDate", "新的完成时限", true);
        LocalDate date = form.date("date", "批准日期", true);
        String reason = form.requiredText("reason", "延期原因");
        String approver = form.requiredText("approver", "批准人");
        Long version = form.version();
        boolean sent = form.send(() -> commands.sendAndWait(new ExtendDeadlineCommand(LedgerReads.rectificationId(inspectionId),
                itemId, newDueDate, date, reason, approver, version)));
        return afterCommand(inspectionId, sent, form, redirect, "已延期", itemPath(inspectionId, itemId));
    }

    // ------------------------------------------------------------------ leadership group (UNIT_LEADER)

    @PostMapping("/{inspectionId}/group/members")
    @PreAuthorize(WorkbenchRoles.LEAD_EXPRESSION)
    String appoint(@PathVariable String inspectionId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("appoint", values);
        String name = form.requiredText("name", "姓名");
        String position = form.requiredText("position", "职务");
        var role = form.choice("role", "小组职务", io.zhenggai.api.rectification.LeadershipRole.class, true);
        LocalDate date = form.date("date", "任命日期", true);
        Long version = form.version();
        boolean sent = form.send(() -> commands.sendAndWait(new AppointGroupMemberCommand(LedgerReads.rectificationId(inspectionId),
                UUID.randomUUID().toString(), name, position, role, date, version)));
        return afterCommand(inspectionId, sent, form, redirect, "已任命领导小组成员", path(inspectionId, "group"));
    }

    // ------------------------------------------------------------------ meetings and accountability (RECTIFIER)

    @PostMapping("/{inspectionId}/meetings")
    @PreAuthorize(WorkbenchRoles.RECORD_EXPRESSION)
    String recordMeeting(@PathVariable String inspectionId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("meeting", values);
        var kind = form.choice("kind", "会议类型", io.zhenggai.api.rectification.MeetingKind.class, true);
        LocalDate date = form.date("date", "会议日期", true);
        String title = form.requiredText("title", "会议名称");
        List<String> attendees = form.list("attendees");
        String summary = form.text("summary");
        Long version = form.version();
        boolean sent = form.send(() -> commands.sendAndWait(new RecordMeetingCommand(LedgerReads.rectificationId(inspectionId),
                UUID.randomUUID().toString(), kind, date, title, attendees, List.of(), summary, version)));
        return afterCommand(inspectionId, sent, form, redirect, "已记录会议", path(inspectionId, "meetings"));
    }

    @PostMapping("/{inspectionId}/accountability")
    @PreAuthorize(WorkbenchRoles.RECORD_EXPRESSION)
    String recordAccountability(@PathVariable String inspectionId, @RequestParam Map<String, String> values,
                                RedirectAttributes redirect) {
        Forms form = new Forms("accountability", values);
        var kind = form.choice("kind", "问责方式", io.zhenggai.api.rectification.AccountabilityKind.class, true);
        LocalDate date = form.date("date", "问责日期", true);
        Integer count = form.integer("count", "人数");
        List<String> persons = form.list("persons");
        String description = form.text("description");
        boolean notCounted = "true".equals(form.text("personsNotCounted"));
        Long version = form.version();
        boolean sent = form.send(() -> commands.sendAndWait(new RecordAccountabilityCommand(
                LedgerReads.rectificationId(inspectionId), UUID.randomUUID().toString(), kind, date,
                notCounted ? null : count, persons, List.of(), description, version, notCounted)));
        return afterCommand(inspectionId, sent, form, redirect, "已记录问责情况", path(inspectionId, "meetings"));
    }

    // ------------------------------------------------------------------ helpers

    /** The date a form proposes: the day the ledger is judged on (a case carried as history: its as-of date). */
    private LocalDate businessToday(LedgerView ledger) {
        return ledger.today() != null ? ledger.today() : LocalDate.now(clock);
    }

    private String afterCommand(String inspectionId, boolean sent, Forms form, RedirectAttributes redirect, String success,
                                String target) {
        if (sent) {
            ledgers.awaitLedger(inspectionId);
        }
        form.flash(redirect, success);
        return "redirect:" + target;
    }

    static String itemPath(String inspectionId, String itemId) {
        return path(inspectionId, "items", itemId);
    }

    /** {@code /workbench/ledgers/…} with each segment encoded (ids come from the request). */
    static String path(String... segments) {
        StringBuilder path = new StringBuilder("/workbench/ledgers");
        for (String segment : segments) {
            path.append('/').append(org.springframework.web.util.UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filter value: null when absent or not one of the enum's (an unknown filter filters nothing). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
