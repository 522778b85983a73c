package io.zhenggai.benchmark.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.benchmark.Zipf;
import io.zhenggai.benchmark.workload.RectificationPlan.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * Commands of the rectification context through the real HTTP API, following a {@link RectificationPlan} per
 * rectification. A rectification opens by itself once its inspection's feedback is delivered
 * ({@code OpenRectificationPolicy}); delivered inspections of the live workload are therefore first polled (in the
 * background, off the measured clients, as the seed loader waits for {@code GET /api/rectifications/{id}}) and only
 * then worked on. Rectifications that the preloaded history opened but never started are ready at once.
 * {@code active} rectifications are in progress at once, chosen with a Zipf distribution as inspections are.
 * <p>
 * A small share ({@code historicShare}) records progress on an item the preloaded history left unfinished (at most
 * 10 per rectification): commands on aggregates with stored histories.
 */
public final class RectificationWorkload implements Workload {

    /** A rectification ready to be worked on: its plan, not started. */
    public record Ready(RectificationPlan plan) {
    }

    /** An unfinished item of a rectification of the preloaded history. */
    public record OpenTarget(String inspectionId, java.time.LocalDate feedbackDate, RectificationPlan.OpenItem item) {
    }

    private static final int PROGRESS_PER_HISTORIC = 10;
    private static final int MAX_WAITING = 5_000;

    private final ObjectMapper json = new ObjectMapper();
    private final Slot[] slots;
    private final Zipf zipf;
    private final double zipfExponent;
    private final double historicShare;
    private final ConcurrentLinkedQueue<RectificationPlan> ready = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RectificationPlan> opening = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final AtomicInteger laterProgress = new AtomicInteger();
    private volatile HistoricTargets historic = new HistoricTargets(List.of(), null, null);
    private volatile HttpApi api;
    private Thread poller;

    public RectificationWorkload(int active, double zipfExponent, double historicShare) {
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
        return "rectification";
    }

    /** Adds rectifications the preloaded history opened and left unstarted, and its unfinished items; only while no load runs. */
    public void addHistory(List<RectificationPlan> unstarted, List<OpenTarget> unfinished) {
        for (RectificationPlan p : unstarted) {
            if (waiting.get() < MAX_WAITING) {
                ready.add(p);
                waiting.incrementAndGet();
            }
        }
        historic = unfinished.isEmpty() ? new HistoricTargets(List.of(), null, null)
                : new HistoricTargets(List.copyOf(unfinished), new Zipf(unfinished.size(), zipfExponent),
                new AtomicIntegerArray(unfinished.size()));
    }

    /** Called when the feedback of a live inspection was delivered: its rectification opens by itself, soon. */
    public void feedbackDelivered(InspectionPlan inspection) {
        if (waiting.get() >= MAX_WAITING) {
            return; // more rectifications than the clients ever get to: leave this one unworked
        }
        waiting.incrementAndGet();
        // the plan depends on the inspection id only, so that the same seed gives the same plans
        opening.add(RectificationPlan.generate(inspection, new java.util.SplittableRandom(inspection.inspectionId.hashCode() * 31L + 7)));
    }

    /** Commands handed out so far, by name. */
    public Map<String, Long> sentByCommand() {
        Map<String, Long> m = new LinkedHashMap<>();
        sent.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public synchronized void prepare(HttpApi api) {
        this.api = api;
        if (poller == null) {
            poller = new Thread(this::pollOpenings, "rectification-openings");
            poller.setDaemon(true);
            poller.start();
        }
    }

    /** Moves rectifications from "opening" to "ready" once the app shows their ledger. */
    private void pollOpenings() {
        List<RectificationPlan> retry = new ArrayList<>();
        while (true) {
            try {
                RectificationPlan p;
                while ((p = opening.poll()) != null) {
                    HttpApi client = api;
                    int status = client.send(98, RectificationPlan.RECTIFIER, "GET", "/api/rectifications/" + p.inspectionId, null).status();
                    if (status == 200) {
                        ready.add(p);
                    } else {
                        retry.add(p);
                    }
                }
                opening.addAll(retry);
                retry.clear();
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the app is restarting: try again
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** The next command, or null when no rectification is ready to be worked on. */
    @Override
    public Command next(RandomGenerator random) {
        HistoricTargets h = historic;
        if (h.zipf != null && random.nextDouble() < historicShare) {
            int rank = h.zipf.next(random);
            if (h.budget.incrementAndGet(rank) <= PROGRESS_PER_HISTORIC) {
                OpenTarget t = h.targets.get(h.targets.size() - 1 - rank); // newest first
                Step step = RectificationPlan.laterProgress(t.item(), "live-p" + laterProgress.incrementAndGet(), t.feedbackDate(), random);
                return command(null, t.inspectionId(), step, "(history)");
            }
        }
        Slot slot = claim(random);
        if (slot == null) {
            return null;
        }
        if (slot.plan == null || slot.position >= slot.plan.steps.size()) {
            slot.plan = ready.poll();
            slot.position = 0;
            if (slot.plan == null) {
                slot.busy.set(false);
                return null;
            }
            waiting.decrementAndGet();
        }
        return command(slot, slot.plan.inspectionId, slot.plan.steps.get(slot.position), "");
    }

    private Slot claim(RandomGenerator random) {
        for (int attempt = 0; attempt < 64; attempt++) {
            Slot s = slots[zipf.next(random)];
            if (s.busy.compareAndSet(false, true)) {
                if (s.plan == null && ready.isEmpty()) {
                    s.busy.set(false);
                    return null; // the slot would stay empty: do not spin, let the other workload have the command
                }
                return s;
            }
        }
        return null;
    }

    private Command command(Slot slot, String inspectionId, Step s, String suffix) {
        String base = "/api/rectifications/" + inspectionId;
        String method = "POST";
        String path;
        Map<String, Object> body = new LinkedHashMap<>();
        switch (s.kind()) {
            case NAME_OFFICE -> {
                method = "PUT";
                path = base + "/office";
                body.put("name", s.title());
                body.put("hostDepartment", s.department());
            }
            case APPOINT_MEMBER -> {
                path = base + "/group/members";
                body.put("memberId", s.member().memberId());
                body.put("name", s.member().name());
                body.put("position", s.member().position());
                body.put("role", s.member().role().name());
                body.put("date", s.date().toString());
            }
            case ADD_ITEM -> {
                path = base + "/items";
                body.put("itemId", s.itemId());
                body.put("findingIds", s.findingIds());
                body.put("title", s.title());
                body.put("kind", s.itemKind().name());
                body.put("dueDate", RectificationPlan.str(s.dueDate()));
                body.put("responsibleLeaderId", s.leader().memberId());
                body.put("responsibleDepartment", s.department());
                body.put("handler", s.handler());
            }
            case ADD_MEASURE -> {
                path = base + "/items/" + s.itemId() + "/measures";
                body.put("measureId", s.measureId());
                body.put("text", s.text());
            }
            case ADOPT_PLAN -> {
                path = base + "/plan/adoption";
                body.put("title", s.title());
                body.put("documentNumber", s.number());
                body.put("date", s.date().toString());
            }
            case RECORD_MEETING -> {
                path = base + "/meetings";
                body.put("meetingId", s.recordId());
                body.put("kind", s.meetingKind().name());
                body.put("date", s.date().toString());
                body.put("title", s.title());
                body.put("attendees", List.of(s.member().name()));
                body.put("claims", List.of(RectificationPlan.map("leaderName", s.member().name(), "memberId", s.member().memberId(),
                        "problem", s.text(), "findingIds", s.findingIds())));
                body.put("summary", s.text());
            }
            case RECORD_PROGRESS -> {
                path = base + "/items/" + s.itemId() + "/progress";
                body.put("progressId", s.progressId());
                body.put("measureId", s.measureId());
                body.put("date", s.date().toString());
                body.put("status", s.status().name());
                body.put("itemStatus", s.measureId() == null ? null : s.itemStatus().name());
                body.put("text", s.text());
                body.put("evidence", s.evidence().stream().map(RectificationPlan::evidenceBody).toList());
            }
            case REQUEST_CLOSE_OFF -> {
                path = base + "/items/" + s.itemId() + "/close-off/request";
                body.put("date", s.date().toString());
                body.put("summary", s.text());
            }
            case APPROVE_CLOSE_OFF -> {
                path = base + "/items/" + s.itemId() + "/close-off/approval";
                body.put("date", s.date().toString());
                body.put("comment", s.text());
            }
            case RECORD_ACCOUNTABILITY -> {
                path = base + "/accountability";
                body.put("outcomeId", s.recordId());
                body.put("kind", s.accountabilityKind().name());
                body.put("date", s.date().toString());
                body.put("count", s.count());
                body.put("findingIds", s.findingIds());
                body.put("description", s.text());
            }
            case RECORD_PROCESS_METRIC -> {
                path = base + "/process-metrics";
                body.put("metricId", s.recordId());
                body.put("kind", s.metricKind().name());
                body.put("meetingKind", s.meetingKind() == null ? null : s.meetingKind().name());
                body.put("count", s.count());
                body.put("date", s.date().toString());
                body.put("description", s.text());
            }
            default -> throw new IllegalStateException(s.kind().toString());
        }
        String name = name(s.kind()) + suffix;
        sent.computeIfAbsent(name, k -> new LongAdder()).increment();
        String payload = write(body);
        String finalMethod = method;
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String user() {
                return s.user();
            }

            @Override
            public String method() {
                return finalMethod;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String body() {
                return payload;
            }

            @Override
            public void completed(int status, String responseBody) {
                if (slot == null) {
                    return;
                }
                if (status / 100 == 2) {
                    slot.position++;
                } else {
                    slot.plan = null; // abandon this rectification: a refused step would be refused again
                }
                slot.busy.set(false);
            }
        };
    }

    private static String name(RectificationPlan.Kind kind) {
        return WorkloadText.camel(kind);
    }

    private String write(Object body) {
        return WorkloadText.json(json, body);
    }

    private static final class Slot {
        final AtomicBoolean busy = new AtomicBoolean();
        RectificationPlan plan;
        int position;
    }

    private record HistoricTargets(List<OpenTarget> targets, Zipf zipf, AtomicIntegerArray budget) {
    }
}
