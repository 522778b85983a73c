package io.zhenggai.rectification;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 writers on one aggregate at once, each recording progress on the same item with {@code If-Match} of the version it
 * last saw, and retrying with the current version from the 409 when another writer was faster. Nothing is lost and
 * nothing is doubled: the aggregate's sequence numbers are contiguous, every event id is unique, every write that was
 * answered 2xx is in the store exactly once (at the version it was answered with), every refused attempt left nothing,
 * and the ledger (the read model) shows exactly what the store holds.
 */
class ConcurrentWritersIT extends RectificationItSupport {

    static final int WRITERS = 32;
    static final int WRITES_EACH = 2;
    static final int MAX_ATTEMPTS = 400;

    @Test
    void thirtyTwoWritersWithIfMatchOnOneAggregateLoseNothingAndDoubleNothing() throws Exception {
        Delivered d = deliverInspection();
        awaitLedger(d);
        long adopted = adoptedPlan(d);
        ApiClient rectifier = api.as("rectifier");

        Map<String, Long> acknowledged = new ConcurrentHashMap<>(); // progressId → version answered
        Map<Integer, Integer> conflicts = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                start.await();
                long seen = adopted;
                for (int k = 0; k < WRITES_EACH; k++) {
                    String progressId = "w" + writer + "-" + k;
                    for (int attempt = 0; ; attempt++) {
                        assertThat(attempt).as("%s got through within %d attempts", progressId, MAX_ATTEMPTS).isLessThan(MAX_ATTEMPTS);
                        Response r = rectifier.header("If-Match", "\"" + seen + "\"").post(d.path() + "/items/i1/progress",
                                body("progressId", progressId, "date", today(), "status", "IN_PROGRESS", "text", "第" + writer + "组第" + k + "次进展"));
                        if (r.status() == 201) {
                            seen = version(r);
                            acknowledged.put(progressId, seen);
                            break;
                        }
                        assertThat(r.status()).as(r.toString()).isEqualTo(409);
                        assertThat(r.contentType()).startsWith("application/problem+json");
                        assertThat(r.json().get("code").asText()).as(r.toString()).isEqualTo("VERSION_CONFLICT");
                        assertThat(r.json().get("currentVersion").asLong()).as("the 409 tells the current version").isGreaterThan(seen);
                        seen = r.json().get("currentVersion").asLong();
                        conflicts.merge(writer, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : writers) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        System.out.println("[ConcurrentWritersIT] " + acknowledged.size() + " writes acknowledged, "
                + conflicts.values().stream().mapToInt(Integer::intValue).sum() + " attempts refused with 409");

        assertThat(acknowledged).hasSize(WRITERS * WRITES_EACH);
        assertThat(conflicts).as("the writers really competed").isNotEmpty();

        List<StoredEvent> events = events(d.rectificationId());
        assertThat(events).extracting(StoredEvent::sequence).as("contiguous sequence numbers")
                .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
        long distinctIds = jdbc.sql("select count(distinct event_identifier) from domain_event_entry where aggregate_identifier = :id")
                .param("id", d.rectificationId()).query(Long.class).single();
        assertThat(distinctIds).as("no duplicate event ids").isEqualTo(events.size());

        List<StoredEvent> progress = events.stream().filter(e -> e.type().equals("ProgressRecordedEvent")).toList();
        assertThat(progress).as("exactly the acknowledged writes, once each").hasSize(acknowledged.size());
        for (StoredEvent e : progress) {
            String id = e.payload().get("progressId").asText();
            assertThat(acknowledged).as("stored progress %s was acknowledged", id).containsKey(id);
            assertThat(e.sequence()).as("%s is stored at the version it was answered with", id).isEqualTo(acknowledged.get(id));
        }
        assertThat(events.size() - 1L).as("no event after the writes but theirs").isEqualTo(
                acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow());

        // the read model equals the store: the ledger at the last version shows the progress in store order
        long last = events.get(events.size() - 1).sequence();
        JsonNode item = RectificationLifecycleIT.item(ledgerAt(d, last), "i1");
        List<String> inLedger = new ArrayList<>();
        item.get("progress").forEach(p -> inLedger.add(p.get("progressId").asText()));
        assertThat(inLedger).containsExactlyInAnyOrderElementsOf(progress.stream().map(e -> e.payload().get("progressId").asText()).toList());
        assertThat(ledgerAt(d, last).get("version").asLong()).isEqualTo(last);
    }
}
