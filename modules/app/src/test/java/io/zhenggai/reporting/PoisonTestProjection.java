package io.zhenggai.reporting;

import io.zhenggai.api.inspection.InspectionEvents.FieldworkStartedEvent;
import io.zhenggai.api.inspection.InspectionEvents.InspectionScheduledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only projection (on the test classpath, so in every integration test's context) that fails the way the
 * issue describes, for inspections of a unit whose name starts with {@link #POISON}: its statement hands
 * PostgreSQL a NUL, which PostgreSQL refuses and which aborts the transaction. Every other event it applies, so the
 * order in which it saw the events of each inspection can be checked. {@link #healed} lets a retry succeed.
 */
@Component
@ProcessingGroup(PoisonTestProjection.GROUP)
class PoisonTestProjection {

    static final String GROUP = "poison-test-projection";
    static final String POISON = "毒丸单位";

    /** Per inspection, the events applied, in order. */
    static final Map<String, List<String>> applied = new ConcurrentHashMap<>();
    static volatile boolean healed;

    private final JdbcClient jdbc;

    PoisonTestProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InspectionScheduledEvent e) {
        if (e.inspectedUnit() != null && e.inspectedUnit().startsWith(POISON) && !healed) {
            jdbc.sql("select cast(:text as text)").param("text", "a\u0000b").query(String.class).single();
        }
        applied.computeIfAbsent(e.inspectionId(), k -> new CopyOnWriteArrayList<>()).add("scheduled");
    }

    @EventHandler
    void on(FieldworkStartedEvent e) {
        applied.computeIfAbsent(e.inspectionId(), k -> new CopyOnWriteArrayList<>()).add("fieldwork-started");
    }

    @ResetHandler
    void reset() {
        applied.clear();
    }
}
