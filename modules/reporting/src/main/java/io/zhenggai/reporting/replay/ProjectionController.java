package io.zhenggai.reporting.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Projection administration (投影重建), for {@code ADMIN}: list the processors (with stalls and dead letters),
 * rebuild one from the event store, and decide on its dead letters (retry or evict, each decision recorded as an
 * event with who and why).
 */
@RestController
@Validated
@RequestMapping("/api/admin/projections")
@Tag(name = "管理 Admin", description = "Event processors and projection replay")
class ProjectionController {

    private static final String ADMIN = "hasRole('ADMIN')";

    private final ProjectionAdmin admin;
    private final DeadLetterAdmin deadLetters;

    ProjectionController(ProjectionAdmin admin, DeadLetterAdmin deadLetters) {
        this.admin = admin;
        this.deadLetters = deadLetters;
    }

    record DeadLetterList(String processingGroup, List<DeadLetterAdmin.Letter> deadLetters) {
    }

    /** Why the administrator decides so: recorded in the event that records the decision. */
    record DeadLetterDecisionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record ProjectionList(List<ProjectionAdmin.ProjectionStatus> projections) {
    }

    @GetMapping
    @PreAuthorize(ADMIN)
    @Operation(summary = "投影列表 Streaming processors: running, replaying, position vs head, events/s")
    ProjectionList list() {
        return new ProjectionList(admin.list());
    }

    @GetMapping("/{name}")
    @PreAuthorize(ADMIN)
    ProjectionAdmin.ProjectionStatus get(@PathVariable String name) {
        return admin.status(name);
    }

    @PostMapping("/{name}/replay")
    @PreAuthorize(ADMIN)
    @Operation(summary = "重建投影 Replay a projection from the event store (409 if it has side-effecting handlers)")
    ResponseEntity<ProjectionAdmin.ProjectionStatus> replay(@PathVariable String name, Authentication user) {
        admin.replay(name, user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(admin.status(name));
    }

    @GetMapping("/{name}/dead-letters")
    @PreAuthorize(ADMIN)
    @Operation(summary = "死信列表 Events the processor could not apply, parked with their cause, by sequence")
    DeadLetterList deadLetters(@PathVariable String name) {
        return new DeadLetterList(name, deadLetters.list(name));
    }

    @GetMapping("/{name}/dead-letters/{letterId}")
    @PreAuthorize(ADMIN)
    DeadLetterAdmin.Letter deadLetter(@PathVariable String name, @PathVariable String letterId) {
        return deadLetters.letter(name, letterId);
    }

    @PostMapping("/{name}/dead-letters/{letterId}/retry")
    @PreAuthorize(ADMIN)
    @Operation(summary = "重试死信 Hand the letter's sequence to the handlers again, in order; recorded as an event")
    DeadLetterAdmin.Decision retry(@PathVariable String name, @PathVariable String letterId,
                                   @Valid @RequestBody DeadLetterDecisionRequest request, Authentication user) {
        return deadLetters.retry(name, letterId, user.getName(), request.reason().strip());
    }

    @PostMapping("/{name}/dead-letters/{letterId}/evict")
    @PreAuthorize(ADMIN)
    @Operation(summary = "移除死信 Remove the letter without applying it; recorded as an event")
    DeadLetterAdmin.Decision evict(@PathVariable String name, @PathVariable String letterId,
                                   @Valid @RequestBody DeadLetterDecisionRequest request, Authentication user) {
        return deadLetters.evict(name, letterId, user.getName(), request.reason().strip());
    }
}
