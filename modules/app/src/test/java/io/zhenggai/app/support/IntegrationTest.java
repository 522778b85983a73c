package io.zhenggai.app.support;

import io.zhenggai.ZhenggaiApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on real PostgreSQL
 * ({@link TestDatabase}), with the demo accounts, driven through its HTTP API. All subclasses share one
 * application context (and one database) per test run; tests therefore use fresh ids and never assume an
 * empty store.
 */
@SpringBootTest(classes = ZhenggaiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("zhenggai.db.url", TestDatabase::url);
        registry.add("zhenggai.db.user", TestDatabase::user);
        registry.add("zhenggai.demo-accounts", () -> "true");
        registry.add("db-scheduler.polling-interval", () -> "500ms");
        registry.add("zhenggai.seed.enabled", () -> "false");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Number of events stored in the event store. */
    protected long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    protected long eventCount(String aggregateId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
