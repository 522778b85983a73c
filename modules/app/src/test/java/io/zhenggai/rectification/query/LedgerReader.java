package io.zhenggai.rectification.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.rectification.RectificationQueries.FindLedgerQuery;
import io.zhenggai.api.rectification.RectificationQueries.LedgerFilter;
import io.zhenggai.api.rectification.RectificationQueries.LedgerView;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/**
 * Test access to the rectification ledger's own fold and query, outside Spring: the real
 * {@link RectificationLedgerProjection} (its {@code @EventHandler}s dispatched by Axon's adapter) and the real
 * {@link RectificationQueryHandler}, on a database given by the test.
 */
public final class LedgerReader {

    private final AnnotationEventHandlerAdapter projection;
    private final RectificationQueryHandler queries;

    public LedgerReader(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.projection = new AnnotationEventHandlerAdapter(new RectificationLedgerProjection(template, json, true));
        this.queries = new RectificationQueryHandler(jdbc, json, java.time.Clock.systemUTC(), // every read passes its `today`
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(io.zhenggai.platform.security.ScopeVisibility.class)); // sees everything
    }

    public void apply(EventMessage<?> event) throws Exception {
        if (projection.canHandle(event)) {
            projection.handle(event);
        }
    }

    public LedgerView ledger(String rectificationId, LocalDate today, int warningDays) {
        return queries.handle(new FindLedgerQuery(rectificationId, LedgerFilter.none(), today, warningDays));
    }
}
