package io.zhenggai.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.inspection.InspectionCommands.AssignInspectionOrganisationsCommand;
import io.zhenggai.api.organisation.OrganisationCommands.RegisterOrganisationCommand;
import io.zhenggai.api.organisation.OrganisationKind;
import io.zhenggai.api.organisation.OrganisationQueries.ListOrganisationsQuery;
import io.zhenggai.api.organisation.OrganisationQueries.OrganisationList;
import io.zhenggai.platform.web.Answers;
import io.zhenggai.platform.web.IfMatch;
import io.zhenggai.platform.readside.ReadYourWrites;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.Map;

/**
 * Organisations for {@code ADMIN}: register one under its parent, list them, and record which organisations an
 * inspection belongs to (for a stream scheduled before it named them, ADR 0030). The grants of an account are set with
 * the account ({@code PUT /api/admin/users/{username}}).
 */
@RestController
@Validated
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "组织 Organisations", description = "Units, inspection groups and overseeing bodies; the scope of role grants")
class OrganisationAdminController {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String ID_MESSAGE = "编号只能由字母、数字、点、下划线和连字符组成（最多64个字符）";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    OrganisationAdminController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    record OrganisationRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String organisationId,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationKind kind,
            @Pattern(regexp = ID, message = ID_MESSAGE) String parentId) {
    }

    record AssignmentRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String inspectedUnitId,
            @Pattern(regexp = ID, message = ID_MESSAGE) String inspectingGroupId) {
    }

    @PostMapping("/organisations")
    @Operation(summary = "登记组织 Register an organisation (kind REGION, UNIT, INSPECTION_GROUP, OVERSEEING_BODY) under its parent")
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody OrganisationRequest req) {
        commands.sendAndWait(new RegisterOrganisationCommand(req.organisationId(), req.name().strip(), req.kind(), req.parentId()));
        readYourWrites.awaitReplica(); // the directory is written in the command's transaction; a replica may lag it
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/admin/organisations/" + req.organisationId()))
                .body(Map.of("organisationId", req.organisationId()));
    }

    @GetMapping("/organisations")
    @Operation(summary = "组织列表 The organisations, each with its parent")
    OrganisationList list() {
        return queries.query(new ListOrganisationsQuery(), OrganisationList.class).join();
    }

    @PutMapping("/inspections/{inspectionId}/organisations")
    @Operation(summary = "指定组织 Record which unit and group an inspection belongs to (for a stream without them)")
    ResponseEntity<Map<String, Object>> assign(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String inspectionId,
                                               @Valid @RequestBody AssignmentRequest req,
                                               @IfMatch Long expectedVersion) {
        Object version = commands.sendAndWait(new AssignInspectionOrganisationsCommand(inspectionId, req.inspectedUnitId(),
                req.inspectingGroupId(), expectedVersion));
        readYourWrites.awaitReplica();
        return Answers.of("inspectionId", inspectionId, version).ok();
    }
}
