package io.zhenggai.app.support;

import io.zhenggai.ZhenggaiApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

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
        // the reminder channels' far ends (ReminderDigestIT): an SMTP server and a webhook receiver of this run
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", ReminderChannels::smtpPort);
        registry.add("zhenggai.reminders.webhook.url", ReminderChannels::webhookUrl);
        registry.add("zhenggai.reminders.webhook.secret", () -> ReminderChannels.WEBHOOK_SECRET);
        registry.add("zhenggai.reminders.delivery.backoff", () -> "1s");
    }

    /** The app's clock is the run's {@link ItClock}, so that tests and app agree on "today" even around midnight. */
    @TestBean(name = "clock", methodName = "io.zhenggai.app.support.ItClock#clock")
    protected java.time.Clock clock;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;

    /** The X-Request-Id every request of the current test carries (it is recorded in each event's metadata). */
    protected String requestId;

    @BeforeEach
    void client() {
        requestId = "it-" + java.util.UUID.randomUUID();
        api = new ApiClient(port).header("X-Request-Id", requestId);
    }

    /**
     * Number of stored events caused by the current test's requests (their X-Request-Id, which events caused by
     * policies inherit too). Counting only these keeps background work of other tests — a policy still reacting,
     * a deadline firing — out of "a refused command leaves no event".
     */
    protected long eventCount() {
        return eventCountWithMetadata("requestId", requestId);
    }

    /** Number of stored events whose metadata has {@code key = value}. */
    protected long eventCountWithMetadata(String key, String value) {
        return jdbc.sql("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb ->> :key = :value")
                .param("key", key).param("value", value).query(Long.class).single();
    }

    protected long eventCount(String aggregateId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
