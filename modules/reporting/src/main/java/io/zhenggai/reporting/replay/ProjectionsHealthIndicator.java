package io.zhenggai.reporting.replay;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code projections}: DOWN while an event processor of this node is stalled, i.e. has been in error, not
 * running, or behind the head of the event store without advancing, for longer than
 * {@code zhenggai.projections.stall-after} ({@link ProjectionAdmin#stalls()}). Part of the readiness group
 * ({@code /actuator/health/readiness}): a node whose read models no longer follow the events should not get
 * traffic. Events parked in a dead-letter queue do not make it DOWN; the processor went on with the rest.
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionAdmin projections;

    ProjectionsHealthIndicator(ProjectionAdmin projections) {
        this.projections = projections;
    }

    @Override
    public Health health() {
        var stalls = projections.stalls();
        Health.Builder health = stalls.isEmpty() ? Health.up() : Health.down();
        health.withDetail("stallAfter", projections.stallAfter().toString());
        for (ProjectionAdmin.Stall stall : stalls) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("since", stall.since().toString());
            detail.put("reason", stall.reason());
            health.withDetail(stall.name(), detail);
        }
        return health.build();
    }
}
