package io.zhenggai.workbench.notice;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionQueries.InspectionPage;
import io.zhenggai.api.inspection.InspectionQueries.InspectionSummary;
import io.zhenggai.api.inspection.InspectionQueries.InspectionView;
import io.zhenggai.api.inspection.InspectionQueries.FindInspectionQuery;
import io.zhenggai.api.inspection.InspectionQueries.ListInspectionsQuery;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationCommands.*;
import io.zhenggai.api.publication.PublicationQueries.*;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.workbench.Forms;
import io.zhenggai.workbench.WorkbenchRoles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 通报 pages: the list, composing a draft from an inspection's ledger, the compose page (narrative and signature with
 * a live preview of the rendered text and the consistency checker's messages at their sentences), the diff against
 * the previous version, approve (unit leader), publish, withdraw, correct, and the feedback inbox (answer, escalate).
 * Every form sends the command the API sends, with the version the page was rendered with; Post/Redirect/Get.
 */
@Controller
@Hidden
@RequestMapping("/workbench/notices")
class NoticeEditingPages {

    /** The processing group of the publication read model (publication's NoticeProjection). */
    static final String NOTICE_GROUP = "publication-projection";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites reads;
    private final Clock clock;

    NoticeEditingPages(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reads

    @GetMapping
    @PreAuthorize(WorkbenchRoles.NOTICE_READ_EXPRESSION)
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String inspectionId, Model model) {
        NoticeStatus filter = parse(status);
        int p = Math.max(0, Math.min(page, 10_000));
        NoticePage notices = queries.query(new ListNoticesQuery(null, null, filter, p, 20), NoticePage.class).join();
        model.addAttribute("notices", notices);
        model.addAttribute("statuses", NoticeStatus.values());
        model.addAttribute("status", filter);
        List<InspectionSummary> inspections = new ArrayList<>(
                queries.query(new ListInspectionsQuery(null, 0, 200), InspectionPage.class).join().items());
        if (inspectionId != null && inspections.stream().noneMatch(i -> i.inspectionId().equals(inspectionId))) {
            // the one named (the "编制通报" link of an inspection): offered even beyond the first page of the list
            InspectionView named = Found.orNotFound(queries.query(new FindInspectionQuery(inspectionId), InspectionView.class).join(),
                    "inspection", inspectionId);
            inspections.add(0, new InspectionSummary(named.inspectionId(), named.roundId(), named.inspectingBody(),
                    named.inspectedUnit(), named.status(), named.statusLabel(), named.feedbackDate(), 0, named.version(),
                    named.kind(), named.form(), named.level()));
        }
        model.addAttribute("inspections", inspections);
        model.addAttribute("selectedInspection", inspectionId);
        return "workbench/notices";
    }

    @GetMapping("/{noticeId}")
    @PreAuthorize(WorkbenchRoles.NOTICE_READ_EXPRESSION)
    String notice(@PathVariable String noticeId, Model model) {
        NoticeView v = notice(noticeId);
        RenderedNoticeView rendered = queries.query(new RenderNoticeQuery(noticeId), RenderedNoticeView.class).join();
        model.addAttribute("notice", v);
        model.addAttribute("preview", NoticePreview.of(rendered, v.narrative()));
        model.addAttribute("responsibilitySections", NoticeForms.withSpare(v.narrative().responsibilitySections()));
        model.addAttribute("nextSteps", NoticeForms.withSpare(v.narrative().nextSteps()));
        model.addAttribute("editable", v.status() == NoticeStatus.DRAFT || v.status() == NoticeStatus.APPROVED);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("windowEnd", LocalDate.now(clock).plusDays(9));
        return "workbench/notice";
    }

    /** The live preview: the notice as it would read with the narrative typed so far. Nothing is stored. */
    @PostMapping(value = "/{noticeId}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WorkbenchRoles.NOTICE_READ_EXPRESSION)
    @ResponseBody
    NoticePreview preview(@PathVariable String noticeId, @RequestParam Map<String, String> values) {
        NoticeView v = notice(noticeId);
        Forms form = new Forms("narrative", values);
        var narrative = NoticeForms.narrative(values, v.narrative());
        var settings = NoticeForms.settings(form, v.settings());
        RenderedNoticeView rendered = queries.query(new RenderNoticeQuery(noticeId, narrative, settings), RenderedNoticeView.class).join();
        return NoticePreview.of(rendered, narrative);
    }

    @GetMapping("/{noticeId}/diff")
    @PreAuthorize(WorkbenchRoles.NOTICE_READ_EXPRESSION)
    String diff(@PathVariable String noticeId, Model model) {
        model.addAttribute("notice", notice(noticeId));
        model.addAttribute("diff", queries.query(new DiffNoticeQuery(noticeId, null, null), NoticeDiffView.class).join());
        return "workbench/notice-diff";
    }

    @GetMapping("/{noticeId}/feedback")
    @PreAuthorize(WorkbenchRoles.FEEDBACK_READ_EXPRESSION)
    String feedback(@PathVariable String noticeId, Model model) {
        NoticeView v = notice(noticeId);
        model.addAttribute("notice", v);
        model.addAttribute("feedback", queries.query(new ListFeedbackQuery(noticeId), FeedbackList.class).join().items());
        model.addAttribute("categories", v.inspectionId() == null ? List.of()
                : Found.orNotFound(queries.query(new FindInspectionQuery(v.inspectionId()), InspectionView.class).join(),
                "inspection", v.inspectionId()).categories());
        return "workbench/notice-feedback";
    }

    // ------------------------------------------------------------------ compose and edit (PUBLISHER)

    @PostMapping
    @PreAuthorize(WorkbenchRoles.NOTICE_WRITE_EXPRESSION)
    String compose(@RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("compose", values);
        String inspectionId = form.requiredText("inspectionId", "被" + InspectionKind.EITHER + "单位");
        String noticeId = UUID.randomUUID().toString();
        boolean sent = form.send(() -> {
            NoticeDraftProposal p = queries.query(new ProposeNoticeDraftQuery(inspectionId, null), NoticeDraftProposal.class).join();
            commands.sendAndWait(new CreateNoticeDraftCommand(noticeId, inspectionId, p.position(), p.positionTime(), p.facts(),
                    p.narrative(), p.settings(), null, null, null));
        });
        if (!sent) {
            form.flash(redirect, null);
            return "redirect:/workbench/notices";
        }
        return after(noticeId, form, redirect, "已根据台账生成通报草稿");
    }

    @PostMapping("/{noticeId}/narrative")
    @PreAuthorize(WorkbenchRoles.NOTICE_WRITE_EXPRESSION)
    String edit(@PathVariable String noticeId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        NoticeView v = notice(noticeId);
        Forms form = new Forms("narrative", values);
        var narrative = NoticeForms.narrative(values, v.narrative());
        var settings = NoticeForms.settings(form, v.settings());
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new EditNoticeDraftCommand(noticeId, narrative, settings, version)));
        return after(noticeId, form, redirect, "已保存草稿");
    }

    @PostMapping("/{noticeId}/approval")
    @PreAuthorize(WorkbenchRoles.NOTICE_APPROVE_EXPRESSION)
    String approve(@PathVariable String noticeId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("approval", values);
        String hash = form.requiredText("contentHash", "所审核内容的摘要");
        String comment = form.text("comment");
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new ApproveNoticeCommand(noticeId, hash, comment, version)));
        return after(noticeId, form, redirect, "已审核通过");
    }

    @PostMapping("/{noticeId}/publication")
    @PreAuthorize(WorkbenchRoles.NOTICE_WRITE_EXPRESSION)
    String publish(@PathVariable String noticeId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("publication", values);
        LocalDate start = form.date("windowStart", "公示开始日期", true);
        LocalDate end = form.date("windowEnd", "公示结束日期", true);
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new PublishNoticeCommand(noticeId, start, end, false, version)));
        return after(noticeId, form, redirect, "已发布");
    }

    @PostMapping("/{noticeId}/withdrawal")
    @PreAuthorize(WorkbenchRoles.NOTICE_WRITE_EXPRESSION)
    String withdraw(@PathVariable String noticeId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("withdrawal", values);
        String reason = form.requiredText("reason", "撤回原因");
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new WithdrawNoticeCommand(noticeId, reason, version)));
        return after(noticeId, form, redirect, "已撤回");
    }

    /** A correction: a new notice naming this one, composed from the ledger now; the page goes to the new one. */
    @PostMapping("/{noticeId}/corrections")
    @PreAuthorize(WorkbenchRoles.NOTICE_WRITE_EXPRESSION)
    String correct(@PathVariable String noticeId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        NoticeView v = notice(noticeId);
        Forms form = new Forms("correction", values);
        String reason = form.requiredText("reason", "更正原因");
        String correctionId = UUID.randomUUID().toString();
        boolean sent = form.send(() -> {
            NoticeDraftProposal p = queries.query(v.facts().ofRound()
                    ? new ProposeNoticeDraftQuery(null, v.facts().round().roundId())
                    : new ProposeNoticeDraftQuery(v.inspectionId(), null), NoticeDraftProposal.class).join();
            commands.sendAndWait(new CorrectNoticeCommand(noticeId, correctionId, p.position(), p.positionTime(), p.facts(), reason));
        });
        if (!sent) {
            return after(noticeId, form, redirect, null);
        }
        reads.await(noticeId, NOTICE_GROUP);
        return after(correctionId, form, redirect, "已生成更正稿，请编辑后送审");
    }

    // ------------------------------------------------------------------ feedback inbox (PUBLISHER)

    @PostMapping("/{noticeId}/feedback/{feedbackId}/answer")
    @PreAuthorize(WorkbenchRoles.NOTICE_WRITE_EXPRESSION)
    String answer(@PathVariable String noticeId, @PathVariable String feedbackId, @RequestParam Map<String, String> values,
                  RedirectAttributes redirect) {
        Forms form = new Forms("answer:" + feedbackId, values);
        String answer = form.requiredText("answer", "答复内容");
        boolean publicReply = "true".equals(form.text("publicReply"));
        form.send(() -> commands.sendAndWait(new AnswerFeedbackCommand(noticeId, feedbackId, answer, publicReply)));
        return afterFeedback(noticeId, form, redirect, "已答复");
    }

    @PostMapping("/{noticeId}/feedback/{feedbackId}/escalation")
    @PreAuthorize(WorkbenchRoles.NOTICE_WRITE_EXPRESSION)
    String escalate(@PathVariable String noticeId, @PathVariable String feedbackId, @RequestParam Map<String, String> values,
                    RedirectAttributes redirect) {
        Forms form = new Forms("escalate:" + feedbackId, values);
        String title = form.requiredText("title", "问题标题");
        String categoryId = form.requiredText("categoryId", "问题类别");
        String note = form.text("note");
        form.send(() -> commands.sendAndWait(new EscalateFeedbackCommand(noticeId, feedbackId, title, categoryId, note)));
        return afterFeedback(noticeId, form, redirect, "已转为整改问题");
    }

    // ------------------------------------------------------------------ helpers

    private NoticeView notice(String noticeId) {
        return Found.orNotFound(queries.query(new FindNoticeQuery(noticeId), NoticeView.class).join(), "notice", noticeId);
    }

    private String after(String noticeId, Forms form, RedirectAttributes redirect, String success) {
        if (form.valid()) {
            reads.await(noticeId, NOTICE_GROUP);
        }
        form.flash(redirect, success);
        return "redirect:" + path(noticeId);
    }

    private String afterFeedback(String noticeId, Forms form, RedirectAttributes redirect, String success) {
        if (form.valid()) {
            reads.await(noticeId, NOTICE_GROUP);
        }
        form.flash(redirect, success);
        return "redirect:" + path(noticeId) + "/feedback";
    }

    static String path(String noticeId) {
        return "/workbench/notices/" + UriUtils.encodePathSegment(noticeId, StandardCharsets.UTF_8);
    }

    private static NoticeStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return NoticeStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
