package io.zhenggai.rectification.web;

import io.zhenggai.platform.web.ClientIds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.ProblemClaim;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.web.Answers;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.platform.web.IfMatch;
import io.zhenggai.platform.web.Versions;
import io.zhenggai.rectification.query.RectificationLedgerProjection;
import io.zhenggai.rectification.evidence.EvidenceFiles;
import io.zhenggai.rectification.web.RectificationRequests.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.zhenggai.platform.text.Blanks.blankToNull;

/**
 * HTTP API of the rectification context (整改台账). A rectification is addressed by the id of its inspection.
 * {@code RECTIFIER} records the plan, progress, evidence, meetings and accountability and asks for close-off;
 * {@code UNIT_LEADER} names the office, appoints the group, adopts the plan, approves or returns close-off, extends
 * deadlines and reopens items after a look-back review; both may assign responsibility; {@code INSPECTOR} and
 * {@code AUDITOR} read; {@code ADMIN} may do everything. Every command answers with the aggregate's new version as
 * {@code ETag}; send it back as {@code If-Match} to be told (409) when someone changed it meanwhile.
 */
@RestController
@Validated
@RequestMapping("/api/rectifications")
@Tag(name = "整改 Rectification", description = "Ledger, leadership group, plan, progress, evidence, close-off, deadlines")
class RectificationController {

    static final String READ = "hasAnyRole('RECTIFIER','UNIT_LEADER','INSPECTOR','AUDITOR','ADMIN')";
    static final String RECORD = "hasAnyRole('RECTIFIER','ADMIN')";
    static final String LEAD = "hasAnyRole('UNIT_LEADER','ADMIN')";
    static final String ASSIGN = "hasAnyRole('RECTIFIER','UNIT_LEADER','ADMIN')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EvidenceFiles files;
    private final int defaultWarningDays;
    private final ReadYourWrites reads;

    RectificationController(CommandGateway commands, QueryGateway queries, EvidenceFiles files,
                            @Value("${zhenggai.rectification.warning-days:10}") int defaultWarningDays, ReadYourWrites reads) {
        this.reads = reads;
        this.commands = commands;
        this.queries = queries;
        this.files = files;
        this.defaultWarningDays = defaultWarningDays;
    }

    // ---------------------------------------------------------------- reads

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "整改列表 List rectifications with their totals")
    RectificationPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                           @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays) {
        return queries.query(new ListRectificationsQuery(page, size, today(today), warningDays(warningDays)),
                RectificationPage.class).join();
    }

    @GetMapping("/unmatched-escalations")
    @PreAuthorize(READ)
    @Operation(summary = "未能移交的问题 Escalations that reached no open rectification",
            description = "Finance violations and public feedback escalated for an inspection whose rectification is not "
                    + "open (or that the ledger refused). They are taken over by themselves when the rectification opens.")
    Map<String, Object> unmatchedEscalations(@RequestParam(required = false) String inspectionId) {
        List<UnmatchedEscalation> items = queries.query(new ListUnmatchedEscalationsQuery(blankToNull(inspectionId)),
                org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf(UnmatchedEscalation.class)).join();
        return Map.of("items", items);
    }

    @GetMapping("/{inspectionId}")
    @PreAuthorize(READ)
    @Operation(summary = "整改台账 The ledger: categories → findings → items → measures, with computed totals",
            description = "Filters: status (repeatable), closeOff, department, leader (member id or name), warningLevel. "
                    + "Warning levels are computed for ?today= (default: today) with ?warningDays= (default from "
                    + "zhenggai.rectification.warning-days). ETag = the rectification's version.")
    ResponseEntity<LedgerView> ledger(@PathVariable String inspectionId,
                                      @RequestParam(required = false) List<ItemStatus> status,
                                      @RequestParam(required = false) CloseOffState closeOff,
                                      @RequestParam(required = false) String department,
                                      @RequestParam(required = false) String leader,
                                      @RequestParam(required = false) WarningLevel warningLevel,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                      @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays) {
        LedgerFilter filter = new LedgerFilter(status, closeOff, blankToNull(department), blankToNull(leader), warningLevel);
        LedgerView view = requireLedger(inspectionId, filter, today, warningDays);
        return Versions.tagged(view, view.version());
    }

    @GetMapping("/{inspectionId}/group")
    @PreAuthorize(READ)
    @Operation(summary = "整改工作领导小组 The leadership group and the office")
    ResponseEntity<Map<String, Object>> group(@PathVariable String inspectionId) {
        LedgerView view = requireLedger(inspectionId, null, null, null);
        return Versions.tagged(mapOf("office", view.office(), "members", view.leadershipGroup()), view.version());
    }

    @GetMapping("/{inspectionId}/plan")
    @PreAuthorize(READ)
    @Operation(summary = "整改方案 The plan")
    ResponseEntity<PlanView> plan(@PathVariable String inspectionId) {
        LedgerView view = requireLedger(inspectionId, null, null, null);
        return Versions.tagged(view.plan(), view.version());
    }

    @GetMapping("/{inspectionId}/meetings")
    @PreAuthorize(READ)
    @Operation(summary = "会议记录 Meetings of record")
    List<MeetingView> meetings(@PathVariable String inspectionId) {
        return requireLedger(inspectionId, null, null, null).meetings();
    }

    @GetMapping("/{inspectionId}/accountability")
    @PreAuthorize(READ)
    @Operation(summary = "问责情况 Accountability outcomes, counted by kind")
    AccountabilityView accountability(@PathVariable String inspectionId) {
        return requireLedger(inspectionId, null, null, null).accountability();
    }

    @GetMapping("/{inspectionId}/process-metrics")
    @PreAuthorize(READ)
    @Operation(summary = "过程性指标 Process metrics (work reminders, supervision groups and visits, meetings by kind, talks), "
            + "summed by kind, and the records")
    ProcessMetricsView processMetrics(@PathVariable String inspectionId) {
        return requireLedger(inspectionId, null, null, null).processMetrics();
    }

    @GetMapping("/{inspectionId}/items/{itemId}")
    @PreAuthorize(READ)
    @Operation(summary = "整改事项 One item with its measures, evidence, progress, extensions and review history")
    ItemView item(@PathVariable String inspectionId, @PathVariable String itemId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                  @RequestParam(required = false) @Min(0) @Max(366) Integer warningDays) {
        return Found.orNotFound(queries.query(new FindItemQuery(id(inspectionId), itemId, today(today),
                warningDays(warningDays)), ItemView.class).join(), "rectification item", itemId);
    }

    // ---------------------------------------------------------------- leadership group and office

    @PutMapping("/{inspectionId}/office")
    @PreAuthorize(LEAD)
    @Operation(summary = "指定整改办公室 Name the office that runs the work")
    ResponseEntity<Map<String, Object>> nameOffice(@PathVariable String inspectionId, @Valid @RequestBody NameOfficeRequest req,
                                                   @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new NameOfficeCommand(id(inspectionId), req.name(), req.hostDepartment(),
                expectedVersion)));
    }

    @PostMapping("/{inspectionId}/group/members")
    @PreAuthorize(LEAD)
    @Operation(summary = "任命领导小组成员 Appoint a member of the leadership group")
    ResponseEntity<Map<String, Object>> appoint(@PathVariable String inspectionId, @Valid @RequestBody AppointMemberRequest req,
                                                @IfMatch Long expectedVersion) {
        String memberId = ClientIds.orNew(req.memberId());
        Object version = commands.sendAndWait(new AppointGroupMemberCommand(id(inspectionId), memberId, req.name(),
                req.position(), req.role(), req.date(), expectedVersion));
        return created(inspectionId, "/group", "memberId", memberId, version);
    }

    @PostMapping("/{inspectionId}/group/members/{memberId}/relief")
    @PreAuthorize(LEAD)
    @Operation(summary = "免去领导小组成员 Relieve a member (with a reason)")
    ResponseEntity<Map<String, Object>> relieve(@PathVariable String inspectionId, @PathVariable String memberId,
                                                @Valid @RequestBody DatedReasonRequest req,
                                                @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new RelieveGroupMemberCommand(id(inspectionId), memberId, req.date(),
                req.reason(), expectedVersion)));
    }

    // ---------------------------------------------------------------- plan

    @PostMapping("/{inspectionId}/items")
    @PreAuthorize(RECORD)
    @Operation(summary = "新增整改事项 Add an item (with its measures and responsibility)")
    ResponseEntity<Map<String, Object>> addItem(@PathVariable String inspectionId, @Valid @RequestBody AddItemRequest req,
                                                @IfMatch Long expectedVersion) {
        String itemId = ClientIds.orNew(req.itemId());
        List<NewMeasure> measures = req.measures() == null ? List.of()
                : req.measures().stream().map(text -> new NewMeasure(UUID.randomUUID().toString(), text)).toList();
        Object version = commands.sendAndWait(new AddItemCommand(id(inspectionId), itemId, req.findingIds(), req.title(),
                req.kind(), req.dueDate(), blankToNull(req.responsibleLeaderId()), req.responsibleDepartment(), req.handler(),
                measures, req.reason(), expectedVersion));
        return created(inspectionId, "/items/" + itemId, answer(inspectionId, "itemId", itemId, version)
                .with("measureIds", measures.stream().map(NewMeasure::measureId).toList()));
    }

    @PutMapping("/{inspectionId}/items/{itemId}")
    @PreAuthorize(RECORD)
    @Operation(summary = "修改整改事项 Revise an item (after adoption: with a reason; due dates move only by extension)")
    ResponseEntity<Map<String, Object>> reviseItem(@PathVariable String inspectionId, @PathVariable String itemId,
                                                   @Valid @RequestBody ReviseItemRequest req,
                                                   @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new ReviseItemCommand(id(inspectionId), itemId, req.findingIds(),
                req.title(), req.kind(), req.dueDate(), req.reason(), expectedVersion)));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/removal")
    @PreAuthorize(RECORD)
    @Operation(summary = "删除整改事项（方案通过前） Remove an item from the draft plan")
    ResponseEntity<Map<String, Object>> removeItem(@PathVariable String inspectionId, @PathVariable String itemId,
                                                   @Valid @RequestBody(required = false) OptionalReasonRequest req,
                                                   @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new RemoveItemCommand(id(inspectionId), itemId,
                req == null ? null : req.reason(), expectedVersion)));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/measures")
    @PreAuthorize(RECORD)
    @Operation(summary = "新增整改措施 Add a measure (一是, 二是 …)")
    ResponseEntity<Map<String, Object>> addMeasure(@PathVariable String inspectionId, @PathVariable String itemId,
                                                   @Valid @RequestBody AddMeasureRequest req,
                                                   @IfMatch Long expectedVersion) {
        String measureId = ClientIds.orNew(req.measureId());
        Object version = commands.sendAndWait(new AddMeasureCommand(id(inspectionId), itemId, measureId, req.text(),
                req.reason(), expectedVersion));
        return created(inspectionId, "/items/" + itemId, "measureId", measureId, version);
    }

    @PutMapping("/{inspectionId}/items/{itemId}/measures/{measureId}")
    @PreAuthorize(RECORD)
    @Operation(summary = "修改整改措施 Revise a measure")
    ResponseEntity<Map<String, Object>> reviseMeasure(@PathVariable String inspectionId, @PathVariable String itemId,
                                                      @PathVariable String measureId, @Valid @RequestBody ReviseMeasureRequest req,
                                                      @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new ReviseMeasureCommand(id(inspectionId), itemId, measureId, req.text(),
                req.reason(), expectedVersion)));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/measures/{measureId}/removal")
    @PreAuthorize(RECORD)
    @Operation(summary = "删除整改措施 Remove a measure (after adoption: with a reason, only without progress)")
    ResponseEntity<Map<String, Object>> removeMeasure(@PathVariable String inspectionId, @PathVariable String itemId,
                                                      @PathVariable String measureId,
                                                      @Valid @RequestBody(required = false) OptionalReasonRequest req,
                                                      @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new RemoveMeasureCommand(id(inspectionId), itemId, measureId,
                req == null ? null : req.reason(), expectedVersion)));
    }

    @PutMapping("/{inspectionId}/items/{itemId}/responsibility")
    @PreAuthorize(ASSIGN)
    @Operation(summary = "明确责任 Assign or change the responsible leader, department and handler")
    ResponseEntity<Map<String, Object>> assign(@PathVariable String inspectionId, @PathVariable String itemId,
                                               @Valid @RequestBody ResponsibilityRequest req,
                                               @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new AssignResponsibilityCommand(id(inspectionId), itemId,
                req.responsibleLeaderId(), req.responsibleDepartment(), req.handler(), req.reason(), expectedVersion)));
    }

    @PutMapping("/{inspectionId}/as-of")
    @PreAuthorize(ASSIGN)
    @Operation(summary = "按历史日期评判 Carry the case as history: judged as of this date (warnings, overdue, dashboard)",
            description = "For a case entered after the fact. Readers still get another date with ?today=. A historical "
                    + "notice (published with historical=true) dates its case by itself, unless a date was stated here.")
    ResponseEntity<Map<String, Object>> carryAsHistory(@PathVariable String inspectionId, @Valid @RequestBody AsOfRequest req,
                                                       @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new CarryAsHistoryCommand(id(inspectionId), req.asOfDate(), req.reason(),
                null, expectedVersion)));
    }

    @PostMapping("/{inspectionId}/plan/adoption")
    @PreAuthorize(LEAD)
    @Operation(summary = "通过整改方案 Adopt the plan")
    ResponseEntity<Map<String, Object>> adopt(@PathVariable String inspectionId, @Valid @RequestBody AdoptPlanRequest req,
                                              @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new AdoptPlanCommand(id(inspectionId), req.title(), req.documentNumber(),
                req.date(), expectedVersion)));
    }

    // ---------------------------------------------------------------- progress

    @PostMapping("/{inspectionId}/items/{itemId}/progress")
    @PreAuthorize(RECORD)
    @Operation(summary = "记录整改进展 Record progress on an item or measure, with evidence",
            description = "Files are uploaded first (POST …/evidence-files) and referenced here by SHA-256.")
    ResponseEntity<Map<String, Object>> progress(@PathVariable String inspectionId, @PathVariable String itemId,
                                                 @Valid @RequestBody ProgressRequest req,
                                                 @IfMatch Long expectedVersion) {
        String rectificationId = id(inspectionId);
        String progressId = ClientIds.orNew(req.progressId());
        List<Evidence> evidence = req.evidence() == null ? List.of()
                : req.evidence().stream().map(e -> evidence(rectificationId, e)).toList();
        Object version = commands.sendAndWait(new RecordProgressCommand(rectificationId, itemId, blankToNull(req.measureId()),
                progressId, req.date(), req.status(), req.itemStatus(), req.text(), evidence, expectedVersion));
        return created(inspectionId, "/items/" + itemId, answer(inspectionId, "progressId", progressId, version)
                .with("evidenceIds", evidence.stream().map(Evidence::evidenceId).toList()));
    }

    private Evidence evidence(String rectificationId, EvidenceRequest e) {
        Evidence.File file = null;
        if (e.file() != null) {
            EvidenceFiles.StoredFile stored = files.find(rectificationId, e.file().sha256()).orElseThrow(() ->
                    RuleViolationException.invalid("EVIDENCE_FILE_NOT_UPLOADED",
                            "附件尚未上传到本次整改：" + e.file().sha256() + "（请先上传文件）"));
            file = new Evidence.File(stored.sha256(), stored.fileName(), stored.contentType(), stored.size());
        }
        return new Evidence(ClientIds.orNew(e.evidenceId()), e.kind(), e.description(),
                e.document() == null ? null : new Evidence.Document(e.document().title(), e.document().number(), e.document().date()),
                e.meeting() == null ? null : new Evidence.Meeting(e.meeting().title(), e.meeting().kind(), e.meeting().date()),
                e.organisation() == null ? null : new Evidence.Organisation(e.organisation().name(), e.organisation().date()),
                e.figure() == null ? null : new Evidence.Figure(e.figure().metric(), e.figure().value(), e.figure().unit(),
                        e.figure().asOf()),
                file);
    }

    // ---------------------------------------------------------------- close-off review

    @PostMapping("/{inspectionId}/items/{itemId}/close-off/request")
    @PreAuthorize(RECORD)
    @Operation(summary = "申请销号 Request close-off with evidence (all of the item's evidence when none is named)")
    ResponseEntity<Map<String, Object>> requestCloseOff(@PathVariable String inspectionId, @PathVariable String itemId,
                                                        @Valid @RequestBody CloseOffRequest req,
                                                        @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new RequestCloseOffCommand(id(inspectionId), itemId, req.date(),
                req.summary(), req.evidenceIds(), expectedVersion)));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/close-off/approval")
    @PreAuthorize(LEAD)
    @Operation(summary = "同意销号 Approve close-off (records exactly the evidence approved)")
    ResponseEntity<Map<String, Object>> approveCloseOff(@PathVariable String inspectionId, @PathVariable String itemId,
                                                        @Valid @RequestBody ApproveCloseOffRequest req,
                                                        @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new ApproveCloseOffCommand(id(inspectionId), itemId, req.date(),
                req.comment(), req.evidenceIds(), expectedVersion)));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/close-off/return")
    @PreAuthorize(LEAD)
    @Operation(summary = "退回销号申请 Send a close-off request back with a reason")
    ResponseEntity<Map<String, Object>> returnCloseOff(@PathVariable String inspectionId, @PathVariable String itemId,
                                                       @Valid @RequestBody DatedReasonRequest req,
                                                       @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new ReturnCloseOffCommand(id(inspectionId), itemId, req.date(),
                req.reason(), expectedVersion)));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/reopening")
    @PreAuthorize(LEAD)
    @Operation(summary = "回头看重新打开 Reopen a closed-off item after a look-back review")
    ResponseEntity<Map<String, Object>> reopen(@PathVariable String inspectionId, @PathVariable String itemId,
                                               @Valid @RequestBody DatedReasonRequest req,
                                               @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new ReopenItemCommand(id(inspectionId), itemId, req.date(),
                req.reason(), expectedVersion)));
    }

    @PostMapping("/{inspectionId}/items/{itemId}/extensions")
    @PreAuthorize(LEAD)
    @Operation(summary = "延期 Extend the due date (reason and approver required; every extension is kept)")
    ResponseEntity<Map<String, Object>> extend(@PathVariable String inspectionId, @PathVariable String itemId,
                                               @Valid @RequestBody ExtensionRequest req,
                                               @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new ExtendDeadlineCommand(id(inspectionId), itemId, req.newDueDate(),
                req.date(), req.reason(), req.approver(), expectedVersion)));
    }

    // ---------------------------------------------------------------- meetings and accountability

    @PostMapping("/{inspectionId}/meetings")
    @PreAuthorize(RECORD)
    @Operation(summary = "记录会议 Record a meeting of record (部务会, 专题民主生活会 …) and the problems leaders claimed")
    ResponseEntity<Map<String, Object>> meeting(@PathVariable String inspectionId, @Valid @RequestBody MeetingRequest req,
                                                @IfMatch Long expectedVersion) {
        String meetingId = ClientIds.orNew(req.meetingId());
        List<ProblemClaim> claims = req.claims() == null ? List.of() : req.claims().stream()
                .map(c -> new ProblemClaim(c.leaderName(), blankToNull(c.memberId()), c.problem(),
                        c.findingIds() == null ? List.of() : c.findingIds()))
                .toList();
        Object version = commands.sendAndWait(new RecordMeetingCommand(id(inspectionId), meetingId, req.kind(), req.date(),
                req.title(), req.attendees(), claims, req.summary(), expectedVersion));
        return created(inspectionId, "/meetings", "meetingId", meetingId, version);
    }

    @PostMapping("/{inspectionId}/accountability")
    @PreAuthorize(RECORD)
    @Operation(summary = "记录问责 Record an accountability outcome (count and/or persons, or personsNotCounted)")
    ResponseEntity<Map<String, Object>> accountability(@PathVariable String inspectionId,
                                                       @Valid @RequestBody AccountabilityRequest req,
                                                       @IfMatch Long expectedVersion) {
        String outcomeId = ClientIds.orNew(req.outcomeId());
        Object version = commands.sendAndWait(new RecordAccountabilityCommand(id(inspectionId), outcomeId, req.kind(),
                req.date(), req.count(), req.persons(), req.findingIds(), req.description(), expectedVersion,
                Boolean.TRUE.equals(req.personsNotCounted())));
        return created(inspectionId, "/accountability", "outcomeId", outcomeId, version);
    }

    @PostMapping("/{inspectionId}/process-metrics")
    @PreAuthorize(RECORD)
    @Operation(summary = "记录过程性指标 Record a process metric: a count of one kind on a date (meetings name their kind)")
    ResponseEntity<Map<String, Object>> processMetric(@PathVariable String inspectionId,
                                                      @Valid @RequestBody ProcessMetricRequest req,
                                                      @IfMatch Long expectedVersion) {
        String metricId = ClientIds.orNew(req.metricId());
        Object version = commands.sendAndWait(new RecordProcessMetricCommand(id(inspectionId), metricId, req.kind(),
                req.meetingKind(), req.count(), req.date(), req.description(), expectedVersion));
        return created(inspectionId, "/process-metrics", "metricId", metricId, version);
    }

    // ---------------------------------------------------------------- helpers

    private LedgerView requireLedger(String inspectionId, LedgerFilter filter, LocalDate today, Integer warningDays) {
        return Found.orNotFound(queries.query(new FindLedgerQuery(id(inspectionId), filter, today(today),
                warningDays(warningDays)), LedgerView.class).join(), "rectification", inspectionId);
    }

    private static String id(String inspectionId) {
        return RectificationIds.forInspection(inspectionId);
    }

    /** The date a reader asked for; null lets the query judge each case on its own date (BusinessDates.judgedOn). */
    private static LocalDate today(LocalDate today) {
        return today;
    }

    private int warningDays(Integer warningDays) {
        return warningDays != null ? warningDays : defaultWarningDays;
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** The command's answer, once the ledger read model shows it (a GET with the new ETag finds it). */
    private ResponseEntity<Map<String, Object>> ok(String inspectionId, Object version) {
        reads.await(id(inspectionId), RectificationLedgerProjection.GROUP);
        return answer(inspectionId, "inspectionId", inspectionId, version).ok();
    }

    private ResponseEntity<Map<String, Object>> created(String inspectionId, String subPath, String idName, String id,
                                                        Object version) {
        return created(inspectionId, subPath, answer(inspectionId, idName, id, version));
    }

    private ResponseEntity<Map<String, Object>> created(String inspectionId, String subPath, Answers answer) {
        reads.await(id(inspectionId), RectificationLedgerProjection.GROUP);
        return answer.created("/api/rectifications/" + inspectionId + subPath);
    }

    /** Every answer names the rectification as well ({@code rectificationId}). */
    private static Answers answer(String inspectionId, String idName, String id, Object version) {
        return Answers.of(idName, id, version).with("rectificationId", id(inspectionId));
    }
}
