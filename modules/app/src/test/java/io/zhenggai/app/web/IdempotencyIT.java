package io.zhenggai.app.web;

import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Idempotency-Key} on creating POSTs, through HTTP on PostgreSQL: the same key and payload get the first
 * answer again and record nothing more; another payload under the key is 422; a retry while the first request still
 * runs is 409. Keys belong to a user.
 */
class IdempotencyIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private static Map<String, Object> round(String roundId, String name) {
        return Map.of("roundId", roundId, "name", name, "organizer", "区委巡察工作领导小组",
                "periodStart", "2023-06-01", "periodEnd", "2023-09-30");
    }

    private ApiClient inspector(String key) {
        return api.as("inspector").header(IdempotencyFilter.HEADER, "\"" + key + "\"");
    }

    @Test
    void theSameKeyAndPayloadReplayTheFirstAnswerAndCreateNothingMore() {
        String key = uniqueId("key");
        String roundId = uniqueId("round");
        Response first = inspector(key).post("/api/inspection-rounds", round(roundId, "十三届区委第三轮巡察"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long events = eventCount(roundId);
        assertThat(events).isPositive();

        Response again = inspector(key).post("/api/inspection-rounds", round(roundId, "十三届区委第三轮巡察"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount(roundId)).isEqualTo(events);

        // the key is the inspector's: the admin's own key of the same name is another
        Response admins = api.as("admin").header(IdempotencyFilter.HEADER, key).post("/api/inspection-rounds",
                round(uniqueId("round"), "另一轮"));
        assertThat(admins.status()).as(admins.toString()).isEqualTo(201);
        assertThat(admins.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void anotherPayloadUnderAUsedKeyIs422AndChangesNothing() {
        String key = uniqueId("key");
        String roundId = uniqueId("round");
        assertThat(inspector(key).post("/api/inspection-rounds", round(roundId, "第三轮")).status()).isEqualTo(201);
        String otherRound = uniqueId("round");
        long before = eventCount();

        Response reused = inspector(key).post("/api/inspection-rounds", round(otherRound, "第四轮"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.json().path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(otherRound)).isZero();
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsIs409AndThenGetsItsAnswer() throws Exception {
        String key = uniqueId("key");
        String roundId = uniqueId("round");
        CompletableFuture<Response> first;
        // hold the first request in flight: it has reserved its key, and its events wait for this lock on the store
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("lock table domain_event_entry in exclusive mode");
            }
            first = CompletableFuture.supplyAsync(() -> inspector(key).post("/api/inspection-rounds", round(roundId, "第五轮")));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                            "select count(*) from idempotency_key where username = 'inspector' and idempotency_key = :k and state = 'IN_FLIGHT'")
                    .param("k", key).query(Long.class).single() == 1);

            Response retry = inspector(key).post("/api/inspection-rounds", round(roundId, "第五轮"));
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
            assertThat(retry.header("Retry-After")).isEqualTo("1");
            assertThat(first).isNotDone();
            holder.rollback();
        }
        Response answered = first.get(30, TimeUnit.SECONDS);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);

        Response replayed = inspector(key).post("/api/inspection-rounds", round(roundId, "第五轮"));
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.text()).isEqualTo(answered.text());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        Response r = api.as("inspector").header(IdempotencyFilter.HEADER, "x".repeat(256))
                .post("/api/inspection-rounds", round(uniqueId("round"), "第六轮"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("Idempotency-Key");
    }
}
