package io.zhenggai.inspection.web;

import io.zhenggai.platform.web.ClientIds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.inspection.InspectionCommands.*;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionQueries.*;
import io.zhenggai.inspection.web.InspectionRequests.*;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.web.Answers;
import io.zhenggai.inspection.query.InspectionProjection;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.platform.web.IfMatch;
import io.zhenggai.platform.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.util.Map;

/**
 * HTTP API of the inspection context. {@code INSPECTOR} and {@code ADMIN} write; {@code AUDITOR},
 * {@code UNIT_LEADER} and {@code RECTIFIER} read as well. Every command answers with the aggregate's new
 * version as {@code ETag}; send it back as {@code If-Match} to be told (409) when someone changed it meanwhile.
 */
@RestController
@Validated
@RequestMapping("/api")
@Tag(name = InspectionKind.EITHER + " Inspections", description = "Rounds, inspections, findings and feedback")
class InspectionController {

    private static final String WRITE = "hasAnyRole('INSPECTOR','ADMIN')";
    private static final String READ = "hasAnyRole('INSPECTOR','ADMIN','AUDITOR','UNIT_LEADER','RECTIFIER')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites reads;

    InspectionController(CommandGateway commands, QueryGateway queries, ReadYourWrites reads) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
    }

    @PostMapping("/inspection-rounds")
    @PreAuthorize(WRITE)
    @Operation(summary = "创建" + InspectionKind.EITHER + "轮次 Create a round")
    ResponseEntity<Map<String, Object>> createRound(@Valid @RequestBody CreateRoundRequest req) {
        String id = ClientIds.orNew(req.roundId());
        commands.sendAndWait(new CreateRoundCommand(id, req.name(), req.organizer(), req.periodStart(), req.periodEnd()));
        reads.await(id, InspectionProjection.GROUP);
        return Answers.of("roundId", id, 0L).created("/api/inspection-rounds/" + id);
    }

    @GetMapping("/inspection-rounds")
    @PreAuthorize(READ)
    RoundList rounds() {
        return queries.query(new ListRoundsQuery(), RoundList.class).join();
    }

    @GetMapping("/inspection-rounds/{roundId}")
    @PreAuthorize(READ)
    RoundView round(@PathVariable String roundId) {
        return Found.orNotFound(queries.query(new FindRoundQuery(roundId), RoundView.class).join(), "inspection round", roundId);
    }

    @PostMapping("/inspections")
    @PreAuthorize(WRITE)
    @Operation(summary = "安排" + InspectionKind.EITHER + " Schedule an inspection (kind XUNSHI or XUNCHA, default XUNCHA; form; level)")
    ResponseEntity<Map<String, Object>> schedule(@Valid @RequestBody ScheduleInspectionRequest req) {
        String id = ClientIds.orNew(req.inspectionId());
        commands.sendAndWait(new ScheduleInspectionCommand(id, req.roundId(), req.inspectingBody(), req.inspectedUnit(),
                req.mandate(), req.legalBasis(), req.plannedFieldworkStart(), req.plannedFieldworkEnd(), req.kind(), req.form(),
                req.level(), req.inspectedUnitId(), req.inspectingGroupId()));
        reads.await(id, InspectionProjection.GROUP);
        return Answers.of("inspectionId", id, 0L).created("/api/inspections/" + id);
    }

    @GetMapping("/inspections")
    @PreAuthorize(READ)
    InspectionPage list(@RequestParam(required = false) String roundId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.query(new ListInspectionsQuery(roundId, page, size), InspectionPage.class).join();
    }

    @GetMapping("/inspections/{inspectionId}")
    @PreAuthorize(READ)
    ResponseEntity<InspectionView> get(@PathVariable String inspectionId) {
        InspectionView view = Found.orNotFound(queries.query(new FindInspectionQuery(inspectionId), InspectionView.class).join(),
                "inspection", inspectionId);
        return Versions.tagged(view, view.version());
    }

    @PostMapping("/inspections/{inspectionId}/round")
    @PreAuthorize(WRITE)
    ResponseEntity<Map<String, Object>> joinRound(@PathVariable String inspectionId, @Valid @RequestBody JoinRoundRequest req,
                                                  @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new JoinRoundCommand(inspectionId, req.roundId(), expectedVersion)));
    }

    @PostMapping("/inspections/{inspectionId}/fieldwork/start")
    @PreAuthorize(WRITE)
    @Operation(summary = "进驻 Start fieldwork")
    ResponseEntity<Map<String, Object>> startFieldwork(@PathVariable String inspectionId, @Valid @RequestBody DateRequest req,
                                                       @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new StartFieldworkCommand(inspectionId, req.date(), expectedVersion)));
    }

    @PostMapping("/inspections/{inspectionId}/fieldwork/conclude")
    @PreAuthorize(WRITE)
    @Operation(summary = "结束进驻 Conclude fieldwork")
    ResponseEntity<Map<String, Object>> concludeFieldwork(@PathVariable String inspectionId, @Valid @RequestBody DateRequest req,
                                                          @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new ConcludeFieldworkCommand(inspectionId, req.date(), expectedVersion)));
    }

    @PostMapping("/inspections/{inspectionId}/categories")
    @PreAuthorize(WRITE)
    @Operation(summary = "添加问题方面 Add a finding category")
    ResponseEntity<Map<String, Object>> addCategory(@PathVariable String inspectionId, @Valid @RequestBody AddCategoryRequest req,
                                                    @IfMatch Long expectedVersion) {
        String categoryId = ClientIds.orNew(req.categoryId());
        Object version = commands.sendAndWait(new AddFindingCategoryCommand(inspectionId, categoryId, req.title(), expectedVersion));
        return createdWithVersion(inspectionId, "categoryId", categoryId, version);
    }

    @PostMapping("/inspections/{inspectionId}/findings")
    @PreAuthorize(WRITE)
    @Operation(summary = "记录问题 Record a finding")
    ResponseEntity<Map<String, Object>> recordFinding(@PathVariable String inspectionId, @Valid @RequestBody RecordFindingRequest req,
                                                      @IfMatch Long expectedVersion) {
        String findingId = ClientIds.orNew(req.findingId());
        Object version = commands.sendAndWait(new RecordFindingCommand(inspectionId, findingId, req.categoryId(), req.title(),
                req.description(), req.manifestations(), expectedVersion));
        return createdWithVersion(inspectionId, "findingId", findingId, version);
    }

    @PutMapping("/inspections/{inspectionId}/findings/{findingId}")
    @PreAuthorize(WRITE)
    @Operation(summary = "修改问题（反馈前） Amend a finding before feedback")
    ResponseEntity<Map<String, Object>> amendFinding(@PathVariable String inspectionId, @PathVariable String findingId,
                                                     @Valid @RequestBody AmendFindingRequest req,
                                                     @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new AmendFindingCommand(inspectionId, findingId, req.title(),
                req.description(), req.manifestations(), expectedVersion)));
    }

    @PostMapping("/inspections/{inspectionId}/findings/{findingId}/withdrawal")
    @PreAuthorize(WRITE)
    @Operation(summary = "撤回问题（反馈前） Withdraw a finding before feedback")
    ResponseEntity<Map<String, Object>> withdrawFinding(@PathVariable String inspectionId, @PathVariable String findingId,
                                                        @Valid @RequestBody ReasonRequest req,
                                                        @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new WithdrawFindingCommand(inspectionId, findingId, req.reason(), expectedVersion)));
    }

    @PostMapping("/inspections/{inspectionId}/feedback")
    @PreAuthorize(WRITE)
    @Operation(summary = "反馈" + InspectionKind.EITHER + "意见 Deliver feedback (freezes the findings)")
    ResponseEntity<Map<String, Object>> deliverFeedback(@PathVariable String inspectionId, @Valid @RequestBody DateRequest req,
                                                        @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new DeliverFeedbackCommand(inspectionId, req.date(), expectedVersion)));
    }

    @PostMapping("/inspections/{inspectionId}/findings/{findingId}/corrections")
    @PreAuthorize(WRITE)
    @Operation(summary = "更正问题（反馈后，须说明理由） Correct a finding after feedback")
    ResponseEntity<Map<String, Object>> correctFinding(@PathVariable String inspectionId, @PathVariable String findingId,
                                                       @Valid @RequestBody CorrectFindingRequest req,
                                                       @IfMatch Long expectedVersion) {
        return ok(inspectionId, commands.sendAndWait(new CorrectFindingCommand(inspectionId, findingId, req.title(),
                req.description(), req.manifestations(), req.reason(), expectedVersion)));
    }

    /** The command's answer, once the inspection's read model shows it (a GET with the new ETag finds it). */
    private ResponseEntity<Map<String, Object>> ok(String inspectionId, Object version) {
        reads.await(inspectionId, InspectionProjection.GROUP);
        return Answers.of("inspectionId", inspectionId, version).ok();
    }

    private ResponseEntity<Map<String, Object>> createdWithVersion(String inspectionId, String idName, String id, Object version) {
        reads.await(inspectionId, InspectionProjection.GROUP);
        return Answers.of(idName, id, version).created("/api/inspections/" + inspectionId);
    }
}
