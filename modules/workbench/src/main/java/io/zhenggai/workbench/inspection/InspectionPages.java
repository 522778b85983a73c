package io.zhenggai.workbench.inspection;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.inspection.InspectionCommands.*;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.inspection.InspectionQueries.*;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.workbench.Forms;
import io.zhenggai.workbench.WorkbenchRoles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * 巡视巡察 pages (the word of each inspection comes from its kind): the list, scheduling, and one inspection with its
 * fieldwork, categories, findings, the delivery of the feedback and corrections of a finding with a reason. Every
 * form sends the inspection API's command with the version the page showed; Post/Redirect/Get.
 */
@Controller
@Hidden
@RequestMapping("/workbench/inspections")
class InspectionPages {

    /** The processing group of the inspection read model (inspection's InspectionProjection). */
    static final String INSPECTION_GROUP = "inspection-projection";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites reads;
    private final Clock clock;

    InspectionPages(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(WorkbenchRoles.INSPECTION_READ_EXPRESSION)
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("inspections", queries.query(new ListInspectionsQuery(null, p, 50), InspectionPage.class).join());
        model.addAttribute("either", InspectionKind.EITHER);
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("forms", InspectionForm.values());
        model.addAttribute("levels", InspectionLevel.values());
        return "workbench/inspections";
    }

    @GetMapping("/{inspectionId}")
    @PreAuthorize(WorkbenchRoles.INSPECTION_READ_EXPRESSION)
    String inspection(@PathVariable String inspectionId, Model model) {
        InspectionView v = inspection(inspectionId);
        model.addAttribute("inspection", v);
        model.addAttribute("terms", InspectionKind.orDefault(v.kind()).terms());
        model.addAttribute("today", LocalDate.now(clock));
        return "workbench/inspection";
    }

    @PostMapping
    @PreAuthorize(WorkbenchRoles.INSPECTION_WRITE_EXPRESSION)
    String schedule(@RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("schedule", values);
        String body = form.requiredText("inspectingBody", InspectionKind.EITHER + "组");
        String unit = form.requiredText("inspectedUnit", "被" + InspectionKind.EITHER + "单位");
        String mandate = form.text("mandate");
        LocalDate start = form.date("plannedFieldworkStart", "计划进驻日期", true);
        LocalDate end = form.date("plannedFieldworkEnd", "计划结束日期", true);
        InspectionKind kind = form.choice("kind", "类别", InspectionKind.class, true);
        InspectionForm shape = form.choice("form", "形式", InspectionForm.class, false);
        InspectionLevel level = form.choice("level", "层级", InspectionLevel.class, false);
        String id = UUID.randomUUID().toString();
        boolean sent = form.send(() -> commands.sendAndWait(new ScheduleInspectionCommand(id, null, body, unit, mandate,
                form.list("legalBasis"), start, end, kind, shape, level)));
        if (!sent) {
            form.flash(redirect, null);
            return "redirect:/workbench/inspections";
        }
        return after(id, form, redirect, "已安排");
    }

    @PostMapping("/{inspectionId}/fieldwork/start")
    @PreAuthorize(WorkbenchRoles.INSPECTION_WRITE_EXPRESSION)
    String start(@PathVariable String inspectionId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("start", values);
        LocalDate date = form.date("date", "进驻日期", true);
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new StartFieldworkCommand(inspectionId, date, version)));
        return after(inspectionId, form, redirect, "已进驻");
    }

    @PostMapping("/{inspectionId}/fieldwork/conclude")
    @PreAuthorize(WorkbenchRoles.INSPECTION_WRITE_EXPRESSION)
    String conclude(@PathVariable String inspectionId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("conclude", values);
        LocalDate date = form.date("date", "结束进驻日期", true);
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new ConcludeFieldworkCommand(inspectionId, date, version)));
        return after(inspectionId, form, redirect, "已结束进驻");
    }

    @PostMapping("/{inspectionId}/categories")
    @PreAuthorize(WorkbenchRoles.INSPECTION_WRITE_EXPRESSION)
    String category(@PathVariable String inspectionId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("category", values);
        String title = form.requiredText("title", "问题类别");
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new AddFindingCategoryCommand(inspectionId, UUID.randomUUID().toString(), title, version)));
        return after(inspectionId, form, redirect, "已添加问题类别");
    }

    @PostMapping("/{inspectionId}/findings")
    @PreAuthorize(WorkbenchRoles.INSPECTION_WRITE_EXPRESSION)
    String finding(@PathVariable String inspectionId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("finding", values);
        String categoryId = form.requiredText("categoryId", "问题类别");
        String title = form.requiredText("title", "问题");
        String description = form.text("description");
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new RecordFindingCommand(inspectionId, UUID.randomUUID().toString(), categoryId, title,
                description, form.list("manifestations"), version)));
        return after(inspectionId, form, redirect, "已记录问题");
    }

    @PostMapping("/{inspectionId}/feedback")
    @PreAuthorize(WorkbenchRoles.INSPECTION_WRITE_EXPRESSION)
    String feedback(@PathVariable String inspectionId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        Forms form = new Forms("feedback", values);
        LocalDate date = form.date("date", "反馈日期", true);
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new DeliverFeedbackCommand(inspectionId, date, version)));
        return after(inspectionId, form, redirect, "已反馈");
    }

    /** A correction of a finding after the feedback: the new wording and why. */
    @PostMapping("/{inspectionId}/findings/{findingId}/corrections")
    @PreAuthorize(WorkbenchRoles.INSPECTION_WRITE_EXPRESSION)
    String correct(@PathVariable String inspectionId, @PathVariable String findingId, @RequestParam Map<String, String> values,
                   RedirectAttributes redirect) {
        Forms form = new Forms("correct:" + findingId, values);
        String title = form.requiredText("title", "问题");
        String description = form.text("description");
        String reason = form.requiredText("reason", "更正原因");
        Long version = form.version();
        form.send(() -> commands.sendAndWait(new CorrectFindingCommand(inspectionId, findingId, title, description,
                form.list("manifestations"), reason, version)));
        return after(inspectionId, form, redirect, "已更正问题");
    }

    private InspectionView inspection(String inspectionId) {
        return Found.orNotFound(queries.query(new FindInspectionQuery(inspectionId), InspectionView.class).join(),
                "inspection", inspectionId);
    }

    private String after(String inspectionId, Forms form, RedirectAttributes redirect, String success) {
        if (form.valid()) {
            reads.await(inspectionId, INSPECTION_GROUP);
        }
        form.flash(redirect, success);
        return "redirect:/workbench/inspections/" + UriUtils.encodePathSegment(inspectionId, StandardCharsets.UTF_8);
    }
}
