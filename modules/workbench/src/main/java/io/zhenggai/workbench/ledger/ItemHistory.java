package io.zhenggai.workbench.ledger;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.RectificationEvents.EvidenceRef;
import io.zhenggai.api.rectification.RectificationQueries.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The history of one item as the ledger recorded it — progress, close-off reviews, extensions, changes of
 * responsibility and of the item — in the order it was recorded, with who recorded it; and the evidence a pending
 * close-off request names (what an approver approves).
 */
public final class ItemHistory {
    private ItemHistory() {
    }

    /** One step: when it was recorded, its business date, by whom, what (zh-CN) and its text. */
    public record Step(Instant recordedAt, LocalDate businessDate, String recordedBy, String what, String text) {
    }

    public static List<Step> of(ItemView item) {
        List<Step> steps = new ArrayList<>();
        for (ProgressView p : item.progress()) {
            String status = p.itemStatus() != null ? p.itemStatus().label() : p.measureStatus() != null ? p.measureStatus().label() : "";
            steps.add(new Step(p.recordedAt(), p.businessDate(), p.recordedBy(),
                    "记录进展" + (status.isEmpty() ? "" : "（" + status + "）"), p.text()));
        }
        for (ReviewView r : item.closeOffHistory()) {
            steps.add(new Step(r.recordedAt(), r.businessDate(), r.recordedBy(), r.actionLabel(), r.text()));
        }
        for (ExtensionView e : item.extensions()) {
            steps.add(new Step(e.recordedAt(), e.businessDate(), e.recordedBy(),
                    "延期：" + e.previousDueDate() + " → " + e.newDueDate() + "（批准人：" + e.approver() + "）", e.reason()));
        }
        for (ResponsibilityView r : item.responsibilityHistory()) {
            steps.add(new Step(r.recordedAt(), null, r.recordedBy(), "明确责任：" + nonNull(r.responsibleLeaderName()) + " / "
                    + nonNull(r.responsibleDepartment()), r.reason()));
        }
        for (ChangeView c : item.changes()) {
            steps.add(new Step(c.recordedAt(), null, c.recordedBy(), "修改：" + c.change(), c.reason()));
        }
        steps.sort(Comparator.comparing(Step::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return steps;
    }

    /**
     * The evidence of the pending close-off request (the last request while the item waits for approval), as the item
     * lists it; empty when no request waits. The approval sends exactly these ids.
     */
    public static List<EvidenceView> pendingEvidence(ItemView item) {
        if (item.closeOff() != CloseOffState.REQUESTED) {
            return List.of();
        }
        ReviewView request = null;
        for (ReviewView r : item.closeOffHistory()) {
            if ("REQUESTED".equals(r.action())) {
                request = r;
            }
        }
        if (request == null || request.evidence() == null) {
            return List.of();
        }
        Map<String, EvidenceView> byId = item.evidence().stream()
                .collect(Collectors.toMap(e -> e.evidence().evidenceId(), Function.identity(), (a, b) -> a));
        Set<String> named = request.evidence().stream().map(EvidenceRef::evidenceId).collect(Collectors.toSet());
        return request.evidence().stream().map(ref -> byId.get(ref.evidenceId())).filter(e -> e != null && named.contains(e.evidence().evidenceId()))
                .toList();
    }

    private static String nonNull(String s) {
        return s == null ? "—" : s;
    }
}
