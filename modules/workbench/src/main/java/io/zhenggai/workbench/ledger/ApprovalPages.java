package io.zhenggai.workbench.ledger;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.RectificationCommands.ApproveCloseOffCommand;
import io.zhenggai.api.rectification.RectificationCommands.ReturnCloseOffCommand;
import io.zhenggai.api.rectification.RectificationQueries.*;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 待我审批: the close-off requests waiting for a unit leader, across the rectifications the leader's grants reach
 * (the queries are scope-checked). Each shows exactly the evidence the request names; approving sends those
 * evidence ids with the approval, so the approval records what the leader saw ({@link ApproveCloseOffCommand}).
 * Extensions are decided by the leader directly on the item page (there is no extension request to wait for).
 */
@Controller
@Hidden
@RequestMapping("/workbench/approvals")
class ApprovalPages {

    private final LedgerReads ledgers;
    private final CommandGateway commands;
    private final Clock clock;

    ApprovalPages(LedgerReads ledgers, CommandGateway commands, Clock clock) {
        this.ledgers = ledgers;
        this.commands = commands;
        this.clock = clock;
    }

    /** One waiting request: the ledger it belongs to, the item, the evidence it names. */
    record Waiting(LedgerView ledger, ItemView item, List<EvidenceView> evidence, ReviewView request) {
    }

    @GetMapping
    @PreAuthorize(WorkbenchRoles.LEAD_EXPRESSION)
    String queue(Model model) {
        List<Waiting> waiting = new ArrayList<>();
        LedgerFilter requested = new LedgerFilter(null, CloseOffState.REQUESTED, null, null, null);
        for (RectificationSummary summary : ledgers.rectifications()) {
            if (summary.totals() == null || summary.totals().closeOffRequested() == 0) {
                continue;
            }
            LedgerView ledger = ledgers.ledger(summary.inspectionId(), requested);
            for (LedgerReads.Row row : LedgerReads.rows(ledger)) {
                if (row.item().closeOff() == CloseOffState.REQUESTED) {
                    ItemView item = ledgers.item(summary.inspectionId(), row.item().itemId());
                    ReviewView request = item.closeOffHistory().stream().filter(r -> "REQUESTED".equals(r.action()))
                            .reduce((a, b) -> b).orElse(null);
                    waiting.add(new Waiting(ledger, item, ItemHistory.pendingEvidence(item), request));
                }
            }
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute("today", LocalDate.now(clock));
        return "workbench/approvals";
    }

    @PostMapping("/{inspectionId}/{itemId}/approval")
    @PreAuthorize(WorkbenchRoles.LEAD_EXPRESSION)
    String approve(@PathVariable String inspectionId, @PathVariable String itemId, @RequestParam Map<String, String> values,
                   @RequestParam(name = "evidenceIds", required = false) List<String> evidenceIds, RedirectAttributes redirect) {
        Forms form = new Forms("approve:" + itemId, values);
        LocalDate date = form.date("date", "审批日期", true);
        String comment = form.text("comment");
        Long version = form.version();
        List<String> approved = Forms.nonBlank(evidenceIds);
        boolean sent = form.send(() -> commands.sendAndWait(new ApproveCloseOffCommand(LedgerReads.rectificationId(inspectionId),
                itemId, date, comment, approved, version)));
        if (sent) {
            ledgers.awaitLedger(inspectionId);
        }
        form.flash(redirect, "已同意销号");
        return "redirect:/workbench/approvals";
    }

    @PostMapping("/{inspectionId}/{itemId}/return")
    @PreAuthorize(WorkbenchRoles.LEAD_EXPRESSION)
    String giveBack(@PathVariable String inspectionId, @PathVariable String itemId, @RequestParam Map<String, String> values,
                    RedirectAttributes redirect) {
        Forms form = new Forms("return:" + itemId, values);
        LocalDate date = form.date("date", "退回日期", true);
        String reason = form.requiredText("reason", "退回原因");
        Long version = form.version();
        boolean sent = form.send(() -> commands.sendAndWait(new ReturnCloseOffCommand(LedgerReads.rectificationId(inspectionId),
                itemId, date, reason, version)));
        if (sent) {
            ledgers.awaitLedger(inspectionId);
        }
        form.flash(redirect, "已退回销号申请");
        return "redirect:/workbench/approvals";
    }
}
