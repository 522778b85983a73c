package io.zhenggai.app.security;

import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.app.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow clients cannot starve the server: 80 sockets from one address that declare a 100,000-byte feedback body and
 * trickle it a byte at a time (more sockets than the 64 request threads) get at most the per-address share of
 * threads; the rest are refused at once with 429, and normal requests — public pages, the staff API, another visitor —
 * still answer. A connection that sends nothing is closed by the read timeout. Nothing waits by sleeping: the test
 * awaits the server's own count of the address's running requests and the refusals it has read.
 */
class SlowClientsIT extends IntegrationTest {

    private static final String ATTACKER = "127.0.9.1";
    private static final int SOCKETS = 80;
    private static final int PER_ADDRESS = 8; // zhenggai.security.public-concurrency-per-address

    @Autowired
    PublicConcurrencyLimit limit;

    @Test
    void slowBodiesFromOneAddressHoldOnlyItsShareOfThreadsAndEveryoneElseIsServed() throws Exception {
        RawHttp attacker = new RawHttp(port, ATTACKER).header("Accept", "application/json");
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        ExecutorService readers = Executors.newFixedThreadPool(SOCKETS);
        AtomicInteger refused = new AtomicInteger();
        try {
            for (int i = 0; i < SOCKETS; i++) {
                Socket s = attacker.connect();
                s.getOutputStream().write(attacker.head("POST", "/notices/slow-" + i + "/feedback", "application/json", 100_000));
                s.getOutputStream().write("{\"text\":\"".getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                sockets.add(s);
                readers.submit(() -> {
                    try {
                        if (RawHttp.readStatus(s.getInputStream()) == 429) {
                            refused.incrementAndGet();
                        }
                    } catch (IOException closedByTheTest) {
                        // the test closes the admitted sockets at the end
                    }
                });
            }
            // one byte per socket every 200 ms: never silent long enough for the read timeout, never finished
            trickle.scheduleAtFixedRate(() -> {
                for (Socket s : sockets) {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write('a');
                        out.flush();
                    } catch (IOException closed) {
                        // a refused socket the server has closed
                    }
                }
            }, 0, 200, TimeUnit.MILLISECONDS);

            PublicConcurrencyLimit filter = limit;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(refused).as("sockets refused at once").hasValue(SOCKETS - PER_ADDRESS);
                assertThat(filter.inFlight(ATTACKER)).as("slow requests admitted").isEqualTo(PER_ADDRESS);
            });

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notices"))
                        .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as("public list, request " + i).isEqualTo(200);
            }
            assertThat(api.as("auditor").get("/api/inspections").status()).isEqualTo(200);
            assertThat(new RawHttp(port, "127.0.9.2").header("Accept", "text/html").get("/notices").status()).isEqualTo(200);
            // the slow bodies were still being held all along
            assertThat(filter.inFlight(ATTACKER)).isEqualTo(PER_ADDRESS);
        } finally {
            trickle.shutdownNow();
            for (Socket s : sockets) {
                s.close();
            }
            readers.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> limit.inFlight(ATTACKER) == 0);
    }

    @Test
    void aConnectionThatSendsNothingIsClosedByTheReadTimeout() throws Exception {
        try (Socket silent = new RawHttp(port, "127.0.9.3").connect()) {
            silent.setSoTimeout(30_000); // the server's read timeout is 10 s; without one this read would time out first
            assertThat(silent.getInputStream().read()).as("end of stream once the server's read timeout has passed").isEqualTo(-1);
        }
    }
}
