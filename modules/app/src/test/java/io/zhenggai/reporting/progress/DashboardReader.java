package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.reporting.progress.ProgressQueries.FindInspectionProgressQuery;
import io.zhenggai.reporting.progress.ProgressQueries.InspectionProgress;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Test access to the progress dashboard's own fold and query, outside Spring: the real {@link ProgressProjection}
 * (its {@code @EventHandler}s dispatched by Axon's adapter) and the real {@link ProgressQueryHandler}.
 */
public final class DashboardReader {

    private final AnnotationEventHandlerAdapter projection;
    private final ProgressQueryHandler queries;

    public DashboardReader(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.projection = new AnnotationEventHandlerAdapter(new ProgressProjection(jdbc, json, clock));
        this.queries = new ProgressQueryHandler(jdbc, json, clock,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(io.zhenggai.platform.security.ScopeVisibility.class));
    }

    public void apply(EventMessage<?> event) throws Exception {
        if (projection.canHandle(event)) {
            projection.handle(event);
        }
    }

    public InspectionProgress progress(String inspectionId, LocalDate today, int warningDays) {
        return queries.handle(new FindInspectionProgressQuery(inspectionId, today, warningDays, 10));
    }
}
