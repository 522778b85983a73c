package io.zhenggai.benchmark.history;

import io.zhenggai.api.inspection.InspectionEvents.DeliveredCategory;
import io.zhenggai.api.inspection.InspectionEvents.DeliveredFinding;
import io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent;
import io.zhenggai.api.inspection.InspectionEvents.FindingCorrectedEvent;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.benchmark.workload.RectificationPlan;
import io.zhenggai.benchmark.workload.RectificationPlan.EvidenceSpec;
import io.zhenggai.benchmark.workload.RectificationPlan.Step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event stream of one rectification as the {@code Rectification} aggregate would write it: opened right after
 * its inspection's feedback (what {@code OpenRectificationPolicy} does), a correction of a finding taken over right
 * after the correction (with the correction's event id as {@code sourceEventId}, so that the policy, when it
 * processes the preloaded history, finds both already done), then the steps of a {@link RectificationPlan}, each
 * the event its command applies, with the ordinals and counts the aggregate computes.
 * <p>
 * Sequence numbers are this stream's own. Events that must follow at once (opening, take-overs) are "forced": the
 * generator emits them before anything else, so that a preload never ends between a feedback and its opening
 * (the app's policy would then open the rectification itself and the next preload would collide with it).
 */
final class RectificationStream {

    static final String EVENTS = "io.zhenggai.api.rectification.RectificationEvents$";
    static final String AGGREGATE_TYPE = "Rectification";

    /** Builds one row: aggregate id, sequence, event, command name, user, correlation id (null: a new one). */
    interface RowFactory {
        EventRow row(String aggregateId, long sequence, String aggregateType, Record event, String commandName, String user,
                     String correlationId);
    }

    final String rectificationId;
    final String inspectionId;
    final RectificationPlan plan;
    /** Not started in the history: the live workload works on it from its first step. */
    final boolean unstarted;
    /** Findings delivered with the feedback. */
    final int findingCount;
    private final RowFactory rows;
    private final Deque<EventRow> forced = new ArrayDeque<>();
    private long sequence;
    private int position;
    private int itemsAdded;
    private int measuresAtAdoption;
    private final Map<String, Integer> measuresPerItem = new HashMap<>();
    private final Map<String, List<EvidenceRef>> evidencePerItem = new HashMap<>();
    private final Map<String, List<EvidenceRef>> requested = new HashMap<>();

    RectificationStream(FeedbackDeliveredEvent feedback, String feedbackCorrelationId, RectificationPlan plan, boolean unstarted,
                        RowFactory rows) {
        this.rectificationId = RectificationIds.forInspection(feedback.inspectionId());
        this.inspectionId = feedback.inspectionId();
        this.plan = plan;
        this.unstarted = unstarted;
        this.rows = rows;
        List<LedgerCategory> categories = new ArrayList<>();
        int findingsDelivered = 0;
        for (DeliveredCategory c : feedback.categories()) {
            List<LedgerFinding> findings = new ArrayList<>();
            for (DeliveredFinding f : c.findings()) {
                findings.add(new LedgerFinding(f.findingId(), f.ordinal(), f.title(), f.description(), List.copyOf(f.manifestations())));
                findingsDelivered++;
            }
            categories.add(new LedgerCategory(c.categoryId(), c.ordinal(), c.title(), List.copyOf(findings)));
        }
        this.findingCount = findingsDelivered;
        // the policy's command inherits the feedback's correlation data: its user and correlation id
        forced.add(rows.row(rectificationId, sequence++, AGGREGATE_TYPE, new RectificationOpenedEvent(rectificationId,
                feedback.inspectionId(), feedback.roundId(), feedback.inspectingBody(), feedback.inspectedUnit(), feedback.mandate(),
                List.copyOf(feedback.legalBasis()), feedback.fieldworkStart(), feedback.fieldworkEnd(), feedback.feedbackDate(),
                List.copyOf(categories), feedback.kind(), feedback.form(), feedback.level()),
                "OpenRectificationCommand", "inspector", feedbackCorrelationId));
    }

    /** The correction of a finding, stored as {@code correctionEventId}: taken over by the ledger at once. */
    void correctionStored(FindingCorrectedEvent e, String correctionEventId, String correlationId) {
        forced.add(rows.row(rectificationId, sequence++, AGGREGATE_TYPE, new FindingCorrectionTakenOverEvent(rectificationId,
                e.findingId(), e.categoryId(), e.title(), e.description(), List.copyOf(e.manifestations()), e.reason(),
                correctionEventId), "TakeOverFindingCorrectionCommand", "inspector", correlationId));
    }

    boolean hasForced() {
        return !forced.isEmpty();
    }

    EventRow nextForced() {
        return forced.poll();
    }

    /** Whether the plan's steps are all stored (an unstarted rectification has none in the history). */
    boolean planDone() {
        return unstarted || position >= plan.steps.size();
    }

    /** The event of the plan's next step. */
    EventRow next() {
        Step s = plan.steps.get(position++);
        String rid = rectificationId;
        Record event = switch (s.kind()) {
            case NAME_OFFICE -> new OfficeNamedEvent(rid, s.title(), s.department());
            case APPOINT_MEMBER -> new GroupMemberAppointedEvent(rid, s.member().memberId(), s.member().name(), s.member().position(),
                    s.member().role(), s.date());
            case ADD_ITEM -> new ItemAddedEvent(rid, s.itemId(), ++itemsAdded, List.copyOf(s.findingIds()), s.title(), s.itemKind(),
                    s.dueDate(), s.leader().memberId(), s.leader().name(), s.department(), s.handler(), false, null);
            case ADD_MEASURE -> {
                int ordinal = measuresPerItem.merge(s.itemId(), 1, Integer::sum);
                measuresAtAdoption++;
                yield new MeasureAddedEvent(rid, s.itemId(), s.measureId(), ordinal, s.text(), false, null);
            }
            case ADOPT_PLAN -> new PlanAdoptedEvent(rid, s.title(), s.number(), s.date(), itemsAdded, measuresAtAdoption);
            case RECORD_MEETING -> new MeetingRecordedEvent(rid, s.recordId(), s.meetingKind(), s.date(), s.title(),
                    List.of(s.member().name()), List.of(new ProblemClaim(s.member().name(), s.member().memberId(), s.text(),
                    List.copyOf(s.findingIds()))), s.text());
            case RECORD_PROGRESS -> {
                List<Evidence> evidence = new ArrayList<>();
                for (EvidenceSpec e : s.evidence()) {
                    evidence.add(evidence(e));
                    evidencePerItem.computeIfAbsent(s.itemId(), k -> new ArrayList<>())
                            .add(new EvidenceRef(e.evidenceId(), e.kind(), null));
                }
                yield new ProgressRecordedEvent(rid, s.progressId(), s.itemId(), s.measureId(), s.date(),
                        s.measureId() == null ? null : s.status(), s.itemStatus(), s.previousItemStatus(), s.text(), List.copyOf(evidence));
            }
            case REQUEST_CLOSE_OFF -> {
                List<EvidenceRef> refs = List.copyOf(evidencePerItem.getOrDefault(s.itemId(), List.of()));
                requested.put(s.itemId(), refs);
                yield new CloseOffRequestedEvent(rid, s.itemId(), s.date(), s.text(), refs);
            }
            case APPROVE_CLOSE_OFF -> new CloseOffApprovedEvent(rid, s.itemId(), s.date(), s.text(), requested.get(s.itemId()));
            case RECORD_ACCOUNTABILITY -> new AccountabilityRecordedEvent(rid, s.recordId(), s.accountabilityKind(), s.date(),
                    s.count(), List.of(), List.copyOf(s.findingIds()), s.text(), false);
            case RECORD_PROCESS_METRIC -> new ProcessMetricRecordedEvent(rid, s.recordId(), s.metricKind(), s.meetingKind(), s.count(),
                    s.date(), s.text());
        };
        return rows.row(rid, sequence++, AGGREGATE_TYPE, event, commandName(s.kind()), s.user(), null);
    }

    private static Evidence evidence(EvidenceSpec e) {
        return switch (e.kind()) {
            case TEXT -> new Evidence(e.evidenceId(), e.kind(), e.description(), null, null, null, null, null);
            case DOCUMENT -> new Evidence(e.evidenceId(), e.kind(), null, new Evidence.Document(e.title(), e.number(), e.date()),
                    null, null, null, null);
            case MEETING -> new Evidence(e.evidenceId(), e.kind(), null, null, new Evidence.Meeting(e.title(), e.meetingKind(), e.date()),
                    null, null, null);
            case FIGURE -> new Evidence(e.evidenceId(), e.kind(), null, null, null, null,
                    new Evidence.Figure(e.metric(), e.value(), e.unit(), e.date()), null);
            default -> throw new IllegalStateException("no such evidence in the plans: " + e.kind());
        };
    }

    private static String commandName(RectificationPlan.Kind kind) {
        return switch (kind) {
            case NAME_OFFICE -> "NameOfficeCommand";
            case APPOINT_MEMBER -> "AppointGroupMemberCommand";
            case ADD_ITEM -> "AddItemCommand";
            case ADD_MEASURE -> "AddMeasureCommand";
            case ADOPT_PLAN -> "AdoptPlanCommand";
            case RECORD_MEETING -> "RecordMeetingCommand";
            case RECORD_PROGRESS -> "RecordProgressCommand";
            case REQUEST_CLOSE_OFF -> "RequestCloseOffCommand";
            case APPROVE_CLOSE_OFF -> "ApproveCloseOffCommand";
            case RECORD_ACCOUNTABILITY -> "RecordAccountabilityCommand";
            case RECORD_PROCESS_METRIC -> "RecordProcessMetricCommand";
        };
    }
}
