package io.zhenggai.benchmark;

import io.zhenggai.benchmark.workload.HttpApi;
import io.zhenggai.benchmark.workload.Workload;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 2: closed-loop clients sending the workload's commands through the HTTP API as fast as answers come back.
 * Each client thread has its own random generator derived from the seed. Latency is the time from sending the
 * request to having the whole response (HdrHistogram, ns); a client waits for its answer before its next command,
 * so the figures are those of N users working at full speed, not an open arrival rate.
 */
final class CommandLoad {

    record Run(int clients, long ok, long failed, double seconds, long events, Histogram latencyNanos,
               Map<String, String> errorSamples) {
        double commandsPerSecond() {
            return ok / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final HttpApi api;
    private final Workload workload;
    private final Database db;
    private long seedCounter;
    private final long seed;

    CommandLoad(HttpApi api, Workload workload, Database db, long seed) {
        this.api = api;
        this.workload = workload;
        this.db = db;
        this.seed = seed;
    }

    Run run(int clients, double seconds) throws Exception {
        long head0 = head();
        Histogram[] hist = new Histogram[clients];
        long[] ok = new long[clients];
        long[] failed = new long[clients];
        Map<String, String> errors = new ConcurrentHashMap<>();
        AtomicLong deadline = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int id = t;
            hist[t] = new Histogram(60_000_000_000L, 3);
            SplittableRandom random = new SplittableRandom(seed * 31 + (++seedCounter));
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < deadline.get()) {
                    Workload.Command cmd = workload.next(random);
                    int status = -1;
                    String body;
                    long t0 = System.nanoTime();
                    try {
                        HttpApi.Response r = api.send(id, cmd.user(), cmd.method(), cmd.path(), cmd.body());
                        status = r.status();
                        body = r.body();
                    } catch (Exception e) {
                        body = e.toString();
                    }
                    long elapsed = System.nanoTime() - t0;
                    cmd.completed(status, body);
                    if (status / 100 == 2) {
                        ok[id]++;
                        hist[id].recordValue(Math.min(elapsed, 60_000_000_000L));
                    } else {
                        failed[id]++;
                        if (errors.size() < 10) {
                            errors.putIfAbsent(cmd.name() + " " + status,
                                    cmd.method() + " " + cmd.path() + " → " + (body == null ? "" : body.substring(0, Math.min(300, body.length()))));
                        }
                    }
                }
            }, "client-" + t);
            threads.add(th);
            th.start();
        }
        long t0 = System.nanoTime();
        deadline.set(t0 + (long) (seconds * 1e9));
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Histogram all = new Histogram(60_000_000_000L, 3);
        long okTotal = 0;
        long failedTotal = 0;
        for (int t = 0; t < clients; t++) {
            all.add(hist[t]);
            okTotal += ok[t];
            failedTotal += failed[t];
        }
        return new Run(clients, okTotal, failedTotal, elapsed, head() - head0, all, Map.copyOf(errors));
    }

    /** Events stored so far (the global index of the last one: the sequence increases by one per event). */
    private long head() throws Exception {
        return db.scalar("select coalesce(max(global_index), 0) from domain_event_entry");
    }
}
