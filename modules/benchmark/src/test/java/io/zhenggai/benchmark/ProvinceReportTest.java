package io.zhenggai.benchmark;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The province step's figures reach the table and the targets of issue 17 (p99 of dashboard, round totals, ledger). */
class ProvinceReportTest {

    @Test
    void theProvinceStepIsPrintedAndJudgedAgainstItsTargets() {
        LoadMonitor.Load load = new LoadMonitor.Load(1.0, 1.2, 1.1, "1.0", "1.1");
        Results r = new Results();
        Results.ProjectionReplay inspection = new Results.ProjectionReplay("inspection-projection", Stats.of(List.of(9000.0)),
                Stats.of(List.of(190.0)), Stats.of(List.of(200.0)), 0.1, -1, -1, "OK", List.of("inspection"), Map.of(), load, false);
        Results.ProjectionReplay ledger = new Results.ProjectionReplay("rectification-projection", Stats.of(List.of(3000.0)),
                Stats.of(List.of(570.0)), Stats.of(List.of(580.0)), 0.03, -1, -1, "OK", List.of("rectification_ledger"), Map.of(), load, false);
        Results.Replay replay = new Results.Replay(Stats.of(List.of(150000.0)), inspection.eventsPerSecond(), inspection.replaySeconds(),
                inspection.processStartToCaughtUpSeconds(), 0.1, -1, -1, "OK", "each alone", Map.of(), List.of(inspection, ledger),
                List.of(), load, false);
        r.province = new Results.Province(100, 40, 4000, 64000, 1_700_000, 1_700_000, 300, new Results.Restart(20, 900, load, false),
                1900, List.of(
                new Results.ReadLatency("dashboard overview", "/api/dashboard/inspections?size=50", 200, 0, 80, 150, 170, load, false),
                new Results.ReadLatency("round totals", "/api/inspection-rounds/pr-7/totals", 200, 0, 120, 260, 300, load, false),
                new Results.ReadLatency("dashboard of one inspection", "/api/dashboard/inspections/p-1", 200, 0, 20, 40, 50, load, false),
                new Results.ReadLatency("ledger", "/api/rectifications/p-9", 200, 0, 30, 90, 95, load, false)),
                replay, 12.7);

        Report.targets(r, Options.parse(new String[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("Province step — 100 rounds × 40 units: 4,000 inspections, 64,000 problems")
                .contains("every projection, one after the other: 12.7 min").contains("rectification-projection");
        assertThat(r.targets).filteredOn(t -> t.name().startsWith("dashboard overview p99")).singleElement()
                .satisfies(t -> assertThat(t.met()).isTrue());
        assertThat(r.targets).filteredOn(t -> t.name().startsWith("round totals p99")).singleElement()
                .satisfies(t -> assertThat(t.met()).isFalse());
        assertThat(r.targets).filteredOn(t -> t.name().startsWith("ledger p99")).singleElement()
                .satisfies(t -> assertThat(t.goal()).isEqualTo("≤ 100 ms"));
        assertThat(r.targets).noneMatch(t -> t.name().startsWith("dashboard of one inspection"));
    }
}
