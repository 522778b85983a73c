package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.reporting.progress.ProgressQueries.FindInspectionProgressQuery;
import io.zhenggai.reporting.progress.ProgressQueries.InspectionProgress;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test access to the progress dashboard's own fold and query, outside Spring: the real progress projections
 * ({@link ProgressProjection}'s classes, their {@code @EventHandler}s dispatched by Axon's adapter, in the order the
 * processing group holds them) and the real {@link InspectionProgressQueryHandler}.
 */
public final class DashboardReader {

    private final List<AnnotationEventHandlerAdapter> projections;
    private final InspectionProgressQueryHandler queries;

    public DashboardReader(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.projections = Stream.of(new InspectionProgressProjection(jdbc), new ItemProgressProjection(jdbc, json, clock),
                        new RectificationRecordsProjection(jdbc), new FinanceProgressProjection(jdbc))
                .map(AnnotationEventHandlerAdapter::new).toList();
        this.queries = new InspectionProgressQueryHandler(jdbc, json, clock);
    }

    public void apply(EventMessage<?> event) throws Exception {
        for (AnnotationEventHandlerAdapter projection : projections) {
            if (projection.canHandle(event)) {
                projection.handle(event);
            }
        }
    }

    public InspectionProgress progress(String inspectionId, LocalDate today, int warningDays) {
        return queries.handle(new FindInspectionProgressQuery(inspectionId, today, warningDays, 10));
    }
}
