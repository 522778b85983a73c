package io.zhenggai.benchmark.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.benchmark.Zipf;
import io.zhenggai.benchmark.workload.InspectionPlan.Step;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * Commands of the inspection context through the real HTTP API. {@code active} inspections are in progress at
 * once, each following its {@link InspectionPlan}; a client picks which one to advance with a Zipf distribution
 * over their ranks (a few busy inspections get most of the commands), and an inspection whose plan is finished is
 * replaced by a newly scheduled one. Inspections are grouped in rounds of 30, created as the workload goes.
 *
 * <p>A small share of commands ({@code historicShare}) corrects a finding of an inspection from the preloaded
 * history, again Zipf-chosen, at most 10 per inspection: this proves the preloaded events load into aggregates and
 * gives the command side aggregates with real stored histories.
 */
public final class InspectionWorkload implements Workload {

    /** An inspection of the preloaded history whose feedback was delivered. */
    public record Historic(String inspectionId, int findingCount) {
    }

    private static final int INSPECTIONS_PER_ROUND = 30;
    private static final int CORRECTIONS_PER_HISTORIC = 10;
    private static final String USER = "inspector";

    private final ObjectMapper json = new ObjectMapper();
    private final Slot[] slots;
    private final Zipf zipf;
    private final double zipfExponent;
    private final double historicShare;
    private final AtomicInteger inspections = new AtomicInteger();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private volatile HistoricTargets historic = new HistoricTargets(List.of(), null, null);

    // rounds: the current one, and the next one created ahead of need so that the read model knows it in time
    private final Object roundLock = new Object();
    private int roundNumber;
    private String currentRound;
    private int inCurrentRound;
    private final AtomicReference<String> roundToCreate = new AtomicReference<>();
    private volatile String nextRound;
    private volatile HttpApi api;
    private volatile java.util.function.Consumer<InspectionPlan> feedbackListener = plan -> { };

    public InspectionWorkload(int active, double zipfExponent, double historicShare) {
        this.slots = new Slot[active];
        for (int i = 0; i < active; i++) {
            slots[i] = new Slot();
        }
        this.zipf = new Zipf(active, zipfExponent);
        this.zipfExponent = zipfExponent;
        this.historicShare = historicShare;
    }

    @Override
    public String name() {
        return "inspection";
    }

    /** Replaces the list of preloaded inspections that corrections may target; call only while no load runs. */
    public void setHistory(List<Historic> delivered) {
        historic = delivered.isEmpty() ? new HistoricTargets(List.of(), null, null)
                : new HistoricTargets(List.copyOf(delivered), new Zipf(delivered.size(), zipfExponent),
                new AtomicIntegerArray(delivered.size()));
    }

    /** Called with the plan of every live inspection whose feedback was delivered (its rectification opens then). */
    public void onFeedbackDelivered(java.util.function.Consumer<InspectionPlan> listener) {
        this.feedbackListener = listener;
    }

    /** Commands handed out so far, by name. */
    public Map<String, Long> sentByCommand() {
        Map<String, Long> m = new LinkedHashMap<>();
        sent.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public void prepare(HttpApi api) throws Exception {
        this.api = api;
        synchronized (roundLock) {
            if (currentRound != null) {
                return;
            }
            roundNumber = 1;
            currentRound = "wr-" + roundNumber;
        }
        HttpApi.Response r = api.send(0, USER, "POST", "/api/inspection-rounds", roundBody(currentRound, roundNumber));
        if (!r.ok()) {
            throw new IllegalStateException("cannot create the first round: " + r.status() + " " + r.body());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.send(0, USER, "GET", "/api/inspection-rounds/" + currentRound, null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("round " + currentRound + " never reached the read model");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public Command next(RandomGenerator random) {
        String round = roundToCreate.getAndSet(null);
        if (round != null) {
            return createRound(round);
        }
        HistoricTargets h = historic;
        if (h.zipf != null && random.nextDouble() < historicShare) {
            int rank = h.zipf.next(random);
            if (h.budget.incrementAndGet(rank) <= CORRECTIONS_PER_HISTORIC) {
                Historic target = h.inspections.get(h.inspections.size() - 1 - rank); // newest first
                Step step = InspectionPlan.correction("f" + (1 + random.nextInt(target.findingCount())), random);
                return command(null, target.inspectionId(), step);
            }
        }
        Slot slot = claim(random);
        if (slot.plan == null || slot.position >= slot.plan.steps.size()) {
            slot.plan = InspectionPlan.generate("w-" + inspections.incrementAndGet(), roundForNewInspection(), random);
            slot.position = 0;
        }
        return command(slot, slot.plan.inspectionId, slot.plan.steps.get(slot.position));
    }

    private Slot claim(RandomGenerator random) {
        for (int attempt = 0; attempt < 64; attempt++) {
            Slot s = slots[zipf.next(random)];
            if (s.busy.compareAndSet(false, true)) {
                return s;
            }
        }
        int start = random.nextInt(slots.length);
        while (true) {
            for (int i = 0; i < slots.length; i++) {
                Slot s = slots[(start + i) % slots.length];
                if (s.busy.compareAndSet(false, true)) {
                    return s;
                }
            }
            Thread.onSpinWait();
        }
    }

    private String roundForNewInspection() {
        synchronized (roundLock) {
            if (currentRound == null) {
                throw new IllegalStateException("prepare() was not called");
            }
            inCurrentRound++;
            if (inCurrentRound == INSPECTIONS_PER_ROUND / 3 && nextRound == null) {
                roundToCreate.set("wr-" + (roundNumber + 1));
            }
            if (inCurrentRound > INSPECTIONS_PER_ROUND && nextRound != null) {
                roundNumber++;
                currentRound = nextRound;
                nextRound = null;
                inCurrentRound = 1;
            }
            return currentRound;
        }
    }

    private Command createRound(String roundId) {
        int number = Integer.parseInt(roundId.substring(3));
        String body = roundBody(roundId, number);
        count("CreateRound");
        return new SimpleCommand("CreateRound", "POST", "/api/inspection-rounds", body) {
            @Override
            public void completed(int status, String responseBody) {
                if (status / 100 == 2) {
                    awaitInReadModel(roundId);
                } else {
                    roundToCreate.compareAndSet(null, roundId); // try again
                }
            }
        };
    }

    /**
     * Makes {@code roundId} the next round once the read model knows it (scheduling into a round checks that it
     * exists there): polled in the background, off the measured clients.
     */
    private void awaitInReadModel(String roundId) {
        HttpApi client = api;
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(99, USER, "GET", "/api/inspection-rounds/" + roundId, null).status() == 200) {
                        nextRound = roundId;
                        return;
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the app is restarting: try again
                }
            }
            roundToCreate.compareAndSet(null, roundId);
        }, "round-" + roundId);
        t.setDaemon(true);
        t.start();
    }

    private String roundBody(String roundId, int number) {
        return write(Map.of("roundId", roundId, "name", "基准测试第" + number + "轮巡察", "organizer", "区委巡察工作领导小组",
                "periodStart", LocalDate.of(2023, 1, 1).toString(), "periodEnd", LocalDate.of(2024, 12, 31).toString()));
    }

    private Command command(Slot slot, String inspectionId, Step step) {
        String base = "/api/inspections/" + inspectionId;
        Map<String, Object> body = new LinkedHashMap<>();
        String method = "POST";
        String path;
        switch (step.kind()) {
            case SCHEDULE -> {
                InspectionPlan p = slot.plan;
                path = "/api/inspections";
                body.put("inspectionId", p.inspectionId);
                body.put("roundId", p.roundId);
                body.put("inspectingBody", p.inspectingBody);
                body.put("inspectedUnit", p.inspectedUnit);
                body.put("mandate", p.mandate);
                body.put("legalBasis", p.legalBasis);
                body.put("plannedFieldworkStart", p.fieldworkStart.toString());
                body.put("plannedFieldworkEnd", p.fieldworkEnd.toString());
            }
            case START_FIELDWORK -> {
                path = base + "/fieldwork/start";
                body.put("date", step.date().toString());
            }
            case ADD_CATEGORY -> {
                path = base + "/categories";
                body.put("categoryId", step.categoryId());
                body.put("title", step.categoryTitle());
            }
            case RECORD_FINDING -> {
                path = base + "/findings";
                body.put("findingId", step.findingId());
                body.put("categoryId", step.categoryId());
                body.put("title", step.title());
                body.put("description", step.description());
                body.put("manifestations", step.manifestations());
            }
            case AMEND_FINDING -> {
                method = "PUT";
                path = base + "/findings/" + step.findingId();
                body.put("title", step.title());
                body.put("description", step.description());
                body.put("manifestations", step.manifestations());
            }
            case CONCLUDE_FIELDWORK -> {
                path = base + "/fieldwork/conclude";
                body.put("date", step.date().toString());
            }
            case DELIVER_FEEDBACK -> {
                path = base + "/feedback";
                body.put("date", step.date().toString());
            }
            case CORRECT_FINDING -> {
                path = base + "/findings/" + step.findingId() + "/corrections";
                body.put("title", step.title());
                body.put("description", step.description());
                body.put("manifestations", step.manifestations());
                body.put("reason", step.reason());
            }
            default -> throw new IllegalStateException(step.kind().toString());
        }
        String name = name(step.kind()) + (slot == null ? "(history)" : "");
        count(name);
        return new SimpleCommand(name, method, path, write(body)) {
            @Override
            public void completed(int status, String responseBody) {
                if (slot == null) {
                    return;
                }
                if (status / 100 == 2) {
                    if (step.kind() == InspectionPlan.Kind.DELIVER_FEEDBACK) {
                        feedbackListener.accept(slot.plan);
                    }
                    slot.position++;
                } else {
                    slot.plan = null; // abandon this inspection: a refused step would be refused again
                }
                slot.busy.set(false);
            }
        };
    }

    private void count(String name) {
        sent.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    private static String name(InspectionPlan.Kind kind) {
        return WorkloadText.camel(kind);
    }

    private String write(Object body) {
        return WorkloadText.json(json, body);
    }

    private static final class Slot {
        final AtomicBoolean busy = new AtomicBoolean();
        InspectionPlan plan;
        int position;
    }

    private record HistoricTargets(List<Historic> inspections, Zipf zipf, AtomicIntegerArray budget) {
    }

    private abstract static class SimpleCommand implements Command {
        private final String name;
        private final String method;
        private final String path;
        private final String body;

        SimpleCommand(String name, String method, String path, String body) {
            this.name = name;
            this.method = method;
            this.path = path;
            this.body = body;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String user() {
            return USER;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String body() {
            return body;
        }
    }
}
