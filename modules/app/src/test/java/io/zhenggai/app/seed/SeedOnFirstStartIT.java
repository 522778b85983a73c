package io.zhenggai.app.seed;

import io.zhenggai.ZhenggaiApplication;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's promise: the first start on an empty store loads the seed case, although the demo accounts'
 * organisations and grants are recorded as events before the seed runner looks (they do not count as a case), and a
 * second start does not load it again.
 */
class SeedOnFirstStartIT {

    @Test
    void theFirstStartLoadsTheSeedCaseAndShowsItsNoticeAndARestartLeavesItAlone() throws Exception {
        try (OwnDatabase db = OwnDatabase.create("seedstart")) {
            long eventsAfterFirstStart;
            try (ConfigurableApplicationContext app = start(db)) {
                ApiClient api = new ApiClient(port(app));
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> api.anonymous().get("/notices/nanhai-2023-tzb-notice.txt").status() == 200);
                assertThat(api.anonymous().get("/notices/nanhai-2023-tzb-notice.txt").text()).contains("巡察");
                eventsAfterFirstStart = events(app);
            }
            try (ConfigurableApplicationContext app = start(db)) {
                Thread.sleep(2000); // the seed runner decides right after the app is ready
                assertThat(events(app)).as("a restart records nothing of the seed case again").isEqualTo(eventsAfterFirstStart);
            }
        }
    }

    private static long events(ConfigurableApplicationContext app) {
        return app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from domain_event_entry where type not in ('Organisation', 'AccessGrants')").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(OwnDatabase db) {
        return new SpringApplicationBuilder(ZhenggaiApplication.class).run(
                "--server.port=0",
                "--zhenggai.db.url=" + db.url(),
                "--zhenggai.db.user=postgres",
                "--zhenggai.demo-accounts=true",
                "--zhenggai.seed.enabled=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
