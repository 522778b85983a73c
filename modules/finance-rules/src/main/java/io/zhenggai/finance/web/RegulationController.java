package io.zhenggai.finance.web;

import io.zhenggai.platform.web.ClientIds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.finance.FinanceCommands.*;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.RuleBookIds;
import io.zhenggai.finance.query.FinanceProjection;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.finance.web.FinanceRequests.*;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.web.Answers;
import io.zhenggai.platform.web.IfMatch;
import io.zhenggai.platform.web.Versions;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * HTTP API of regulations (制度). Regulations are enacted, revised, repealed and linked by
 * {@code FINANCE_OFFICER} (who drafts them), {@code UNIT_LEADER} (who issues them for the unit) and {@code ADMIN}
 * (who loads historical cases); {@code AUDITOR}, {@code INSPECTOR} and {@code RECTIFIER} read as well. The
 * version in ETag / If-Match is the version of the unit's rule book, which holds the regulation.
 */
@RestController
@Validated
@RequestMapping("/api/finance")
@Tag(name = "制度 Regulations", description = "Regulations with dated versions and machine-checkable rules")
class RegulationController {

    static final String WRITE = "hasAnyRole('FINANCE_OFFICER','UNIT_LEADER','ADMIN')";
    static final String READ = "hasAnyRole('FINANCE_OFFICER','UNIT_LEADER','ADMIN','AUDITOR','INSPECTOR','RECTIFIER')";

    private final CommandGateway commands;
    private final ReadYourWrites reads;
    private final QueryGateway queries;
    private final RuleBookRouting routing;
    private final Clock clock;

    RegulationController(CommandGateway commands, QueryGateway queries, RuleBookRouting routing, Clock clock, ReadYourWrites reads) {
        this.reads = reads;
        this.commands = commands;
        this.queries = queries;
        this.routing = routing;
        this.clock = clock;
    }

    @PostMapping("/regulations")
    @PreAuthorize(WRITE)
    @Operation(summary = "制定制度 Enact a regulation (its first version)")
    ResponseEntity<Map<String, Object>> enact(@Valid @RequestBody EnactRegulationRequest req) {
        String id = ClientIds.orNew(req.regulationId());
        routing.requireUnused("regulation", id);
        Object version = sent(RuleBookIds.of(req.unit()), new EnactRegulationCommand(RuleBookIds.of(req.unit()), req.unit(), id, req.title(),
                req.area(), req.documentNumber(), req.effectiveFrom(), req.summary(), req.backdatingReason(), req.rules(),
                req.answers(), null));
        return Answers.of("regulationId", id, version).created("/api/finance/regulations/" + id);
    }

    @GetMapping("/regulations")
    @PreAuthorize(READ)
    @Operation(summary = "制度目录 The catalogue (status: PENDING, IN_FORCE, REPEALED)")
    RegulationList list(@RequestParam(required = false) String unit, @RequestParam(required = false) RegulationArea area,
                        @RequestParam(required = false) RegulationStatus status) {
        return queries.query(new ListRegulationsQuery(unit(unit), area, status == null ? null : status.name()),
                RegulationList.class).join();
    }

    enum RegulationStatus { PENDING, IN_FORCE, REPEALED }

    @GetMapping("/regulations/in-force")
    @PreAuthorize(READ)
    @Operation(summary = "某日现行有效的制度 The versions in force on a date (today when not given)")
    RegulationsInForce inForce(@RequestParam(required = false) String unit,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               @RequestParam(required = false) RegulationArea area) {
        return queries.query(new FindRegulationsInForceQuery(unit(unit), date != null ? date : LocalDate.now(clock), area),
                RegulationsInForce.class).join();
    }

    @GetMapping("/regulations/{regulationId}")
    @PreAuthorize(READ)
    ResponseEntity<RegulationView> get(@PathVariable String regulationId) {
        RegulationView view = Found.orNotFound(queries.query(new FindRegulationQuery(regulationId), RegulationView.class).join(),
                "regulation", regulationId);
        return Versions.tagged(view, view.ruleBookVersion());
    }

    @PostMapping("/regulations/{regulationId}/revisions")
    @PreAuthorize(WRITE)
    @Operation(summary = "修订制度 Revise a regulation (a new version from its effective date)")
    ResponseEntity<Map<String, Object>> revise(@PathVariable String regulationId, @Valid @RequestBody ReviseRegulationRequest req,
                                               @IfMatch Long expectedVersion) {
        RuleBookRef book = routing.require("regulation", regulationId);
        Object version = sent(book.ruleBookId(), new ReviseRegulationCommand(book.ruleBookId(), regulationId, req.documentNumber(),
                req.effectiveFrom(), req.changeSummary(), req.backdatingReason(), req.rules(), req.answers(),
                expectedVersion));
        return Answers.of("regulationId", regulationId, version).created("/api/finance/regulations/" + regulationId);
    }

    @PostMapping("/regulations/{regulationId}/repeal")
    @PreAuthorize(WRITE)
    @Operation(summary = "废止制度 Repeal a regulation from a date")
    ResponseEntity<Map<String, Object>> repeal(@PathVariable String regulationId, @Valid @RequestBody RepealRegulationRequest req,
                                               @IfMatch Long expectedVersion) {
        RuleBookRef book = routing.require("regulation", regulationId);
        return Answers.of("regulationId", regulationId, sent(book.ruleBookId(), new RepealRegulationCommand(book.ruleBookId(),
                regulationId, req.effectiveFrom(), req.reason(), expectedVersion))).ok();
    }

    @PostMapping("/regulations/{regulationId}/links")
    @PreAuthorize(WRITE)
    @Operation(summary = "关联问题或整改事项 Link a regulation or version to a finding or rectification item it answers")
    ResponseEntity<Map<String, Object>> link(@PathVariable String regulationId, @Valid @RequestBody LinkRegulationRequest req,
                                             @IfMatch Long expectedVersion) {
        RuleBookRef book = routing.require("regulation", regulationId);
        return Answers.of("regulationId", regulationId, sent(book.ruleBookId(), new LinkRegulationCommand(book.ruleBookId(),
                regulationId, req.versionNumber(), new AnswerLink(req.inspectionId(), req.findingId(), req.rectificationItemId()),
                expectedVersion))).ok();
    }

    @GetMapping("/inspections/{inspectionId}/regulations")
    @PreAuthorize(READ)
    @Operation(summary = InspectionKind.EITHER + "整改健全完善制度 Regulations established or improved in answer to an inspection")
    InspectionRegulations forInspection(@PathVariable String inspectionId) {
        return queries.query(new FindInspectionRegulationsQuery(inspectionId), InspectionRegulations.class).join();
    }

    private static String unit(String unit) {
        return unit == null || unit.isBlank() ? null : RuleBookIds.normalizeUnit(unit);
    }

    /**
     * Sends a command to a rule book and answers once the finance read model shows it (read your writes, ADR 0018):
     * a GET right after the answer sees what the command did.
     */
    private <R> R sent(String ruleBookId, Object command) {
        return reads.sendAndAwait(commands, command, ruleBookId, FinanceProjection.GROUP);
    }
}
