package io.zhenggai.reporting.replay;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Readiness follows the processors: DOWN with the stalled ones and why, UP when none is stalled. */
class ProjectionsHealthIndicatorTest {

    private final ProjectionAdmin admin = mock(ProjectionAdmin.class);
    private final ProjectionsHealthIndicator indicator = new ProjectionsHealthIndicator(admin);

    @Test
    void isDownWhileAProcessorIsStalledAndNamesItWithTheCause() {
        when(admin.stallAfter()).thenReturn(Duration.ofMinutes(2));
        when(admin.stalls()).thenReturn(List.of(new ProjectionAdmin.Stall("notice-projection",
                Instant.parse("2026-12-01T02:00:00Z"), "处理出错：invalid byte sequence for encoding \"UTF8\": 0x00")));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("stallAfter", "PT2M");
        assertThat(health.getDetails().get("notice-projection")).isEqualTo(Map.of("since", "2026-12-01T02:00:00Z",
                "reason", "处理出错：invalid byte sequence for encoding \"UTF8\": 0x00"));
    }

    @Test
    void isUpWhenNoProcessorIsStalled() {
        when(admin.stallAfter()).thenReturn(Duration.ofMinutes(2));
        when(admin.stalls()).thenReturn(List.of());

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
