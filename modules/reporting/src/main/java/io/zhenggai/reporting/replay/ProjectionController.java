package io.zhenggai.reporting.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Projection administration (投影重建), for {@code ADMIN}: list the processors, rebuild one from the event store. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "管理 Admin", description = "Event processors and projection replay")
class ProjectionController {

    private static final String ADMIN = "hasRole('ADMIN')";

    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
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
}
