package io.zhenggai.benchmark.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.benchmark.workload.InspectionPlan;
import io.zhenggai.benchmark.workload.InspectionPlan.Step;
import io.zhenggai.benchmark.workload.RectificationPlan;
import io.zhenggai.benchmark.workload.RectificationWorkload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * History of the inspection context: rounds of 30 inspections, each living through an {@link InspectionPlan},
 * about 40 of them in progress at once so that their events interleave in global order as in real use. Payloads are
 * the API's event records serialised with Jackson as the app's serializer does; metadata carries the audit keys the
 * app adds to every event (user, command name, correlation and causation ids).
 *
 * <p>Aggregate ids: rounds {@code hr-N}, inspections {@code h-N}; event ids are random UUIDs from the seed.
 */
public final class InspectionHistory implements HistorySource {

    public static final String EVENTS = "io.zhenggai.api.inspection.InspectionEvents$";
    static final int INSPECTIONS_PER_ROUND = 30;
    static final int IN_FLIGHT = 40;
    private static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** An inspection whose whole life is stored: a target for corrections through the live API. */
    public record Delivered(String inspectionId, int findingCount) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SplittableRandom random;
    private final String prefix;
    private final List<Cursor> inFlight = new ArrayList<>();
    private final List<Delivered> delivered = new ArrayList<>();
    private long clockMillis = Instant.parse("2023-01-01T01:00:00Z").toEpochMilli();
    private int inspections;
    private int rounds;
    private String currentRound;
    private int inCurrentRound;
    private long produced;
    // the rectification of every delivered inspection (null: the inspection context alone, as before the harness knew it)
    private final boolean rectifications;
    private final List<RectificationStream> rectInFlight = new ArrayList<>();
    private final Map<String, RectificationStream> rectByInspection = new HashMap<>();
    private final java.util.Set<String> inspectionsDone = new java.util.HashSet<>();
    private final java.util.ArrayDeque<RectificationStream> forced = new java.util.ArrayDeque<>();
    private final List<RectificationPlan> unstarted = new ArrayList<>();
    private final List<RectificationWorkload.OpenTarget> unfinished = new ArrayList<>();
    private int rectificationEvents;
    // the province step: inspections per round, and how many in all (0: without end)
    private final int inspectionsPerRound;
    private final int maxInspections;

    /** {@code prefix} keeps the ids of two generators apart (e.g. "h" for history, "L3" for a limit thread). */
    public InspectionHistory(long seed, String prefix) {
        this(seed, prefix, false);
    }

    /**
     * With {@code rectifications}, every delivered inspection's rectification is in the history too (see
     * {@link RectificationStream}); a fifth of them opened and never started, the rest following a
     * {@link RectificationPlan}, some items left unfinished.
     */
    public InspectionHistory(long seed, String prefix, boolean rectifications) {
        this(seed, prefix, rectifications, INSPECTIONS_PER_ROUND, 0);
    }

    /**
     * A history of exactly {@code rounds × unitsPerRound} inspections ({@code unitsPerRound} to a round), each with
     * its rectification: the benchmark's province step. {@link #exhausted()} tells when all of it is produced.
     */
    public static InspectionHistory province(long seed, String prefix, int rounds, int unitsPerRound) {
        return new InspectionHistory(seed, prefix, true, unitsPerRound, rounds * unitsPerRound);
    }

    private InspectionHistory(long seed, String prefix, boolean rectifications, int inspectionsPerRound, int maxInspections) {
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
        this.rectifications = rectifications;
        this.inspectionsPerRound = inspectionsPerRound;
        this.maxInspections = maxInspections;
        this.inCurrentRound = inspectionsPerRound;
    }

    /** True when a bounded history ({@link #province}) has produced every event of every inspection and rectification. */
    public boolean exhausted() {
        return maxInspections > 0 && inspections >= maxInspections && inFlight.isEmpty() && rectInFlight.isEmpty()
                && forced.isEmpty();
    }

    /** Like {@link #generate}, but stops early when the history is {@link #exhausted()}; returns the events produced. */
    public long generateAtMost(long count, Consumer<EventRow> sink) {
        long n = 0;
        while ((n < count || !forced.isEmpty()) && !exhausted()) {
            sink.accept(next());
            n++;
        }
        return n;
    }

    @Override
    public String name() {
        return "inspection";
    }

    public long produced() {
        return produced;
    }

    /**
     * Inspections whose feedback is stored and that the history will never touch again, nor their rectifications
     * (their findings can be corrected through the API).
     */
    public List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    /** Rectifications opened in the history and never started, which the history will never touch again. */
    public List<RectificationPlan> unstartedRectifications() {
        return List.copyOf(unstarted);
    }

    /** Unfinished items of rectifications the history will never touch again. */
    public List<RectificationWorkload.OpenTarget> unfinishedItems() {
        return List.copyOf(unfinished);
    }

    /** Events of the rectification context produced so far. */
    public int rectificationEvents() {
        return rectificationEvents;
    }

    /**
     * Produces {@code count} events, and then the events that must follow at once (a rectification's opening after its
     * feedback, a correction's take-over), so that a preload never stops between the two.
     */
    @Override
    public void generate(long count, Consumer<EventRow> sink) {
        for (long i = 0; i < count || !forced.isEmpty(); i++) {
            sink.accept(next());
        }
    }

    /** The next event in global order. */
    public EventRow next() {
        produced++;
        clockMillis += 500 + random.nextInt(30_000);
        if (!forced.isEmpty()) {
            RectificationStream r = forced.peek();
            EventRow row = r.nextForced();
            if (!r.hasForced()) {
                forced.poll();
            }
            rectificationEvents++;
            return row;
        }
        if (!rectInFlight.isEmpty() && random.nextInt(inFlight.size() + rectInFlight.size()) >= inFlight.size()) {
            int i = random.nextInt(rectInFlight.size());
            RectificationStream r = rectInFlight.get(i);
            EventRow row = r.next();
            rectificationEvents++;
            if (r.planDone()) {
                rectInFlight.set(i, rectInFlight.get(rectInFlight.size() - 1));
                rectInFlight.remove(rectInFlight.size() - 1);
                if (inspectionsDone.remove(r.inspectionId)) {
                    handOver(r);
                }
            }
            return row;
        }
        if (inFlight.size() < IN_FLIGHT && (maxInspections == 0 || inspections < maxInspections)) {
            if (inCurrentRound >= inspectionsPerRound) {
                rounds++;
                currentRound = prefix + "r-" + rounds;
                inCurrentRound = 0;
                return row(currentRound, 0, "InspectionRound", new RoundCreatedEvent(currentRound,
                        "十三届区委第" + rounds + "轮巡察", "区委巡察工作领导小组", null, null), "CreateRoundCommand");
            }
            inspections++;
            inCurrentRound++;
            inFlight.add(new Cursor(InspectionPlan.generate(prefix + "-" + inspections, currentRound, random)));
        }
        int i = random.nextInt(inFlight.size());
        Cursor cursor = inFlight.get(i);
        EventRow row = cursor.next();
        if (cursor.done()) {
            inFlight.set(i, inFlight.get(inFlight.size() - 1));
            inFlight.remove(inFlight.size() - 1);
            RectificationStream r = rectByInspection.get(cursor.plan.inspectionId);
            if (r == null) {
                delivered.add(new Delivered(cursor.plan.inspectionId, cursor.plan.findingCount));
            } else if (r.planDone()) {
                handOver(r);
            } else {
                inspectionsDone.add(r.inspectionId);
            }
        }
        return row;
    }

    /** Neither the inspection nor its rectification gets events from the history any more: the live workload may use them. */
    private void handOver(RectificationStream r) {
        rectByInspection.remove(r.inspectionId);
        delivered.add(new Delivered(r.inspectionId, r.findingCount));
        if (r.unstarted) {
            unstarted.add(r.plan);
        } else {
            for (RectificationPlan.OpenItem item : r.plan.openItems) {
                unfinished.add(new RectificationWorkload.OpenTarget(r.inspectionId, r.plan.feedbackDate, item));
            }
        }
    }

    private EventRow row(String aggregateId, long sequence, String aggregateType, Record event, String commandName) {
        return row(aggregateId, sequence, aggregateType, event, commandName, "inspector", null, null);
    }

    /**
     * One stored event with the app's audit metadata. {@code correlationId} null: the event starts its own chain (a
     * person's command); {@code causationId} null: caused by a command of its own (a new id).
     */
    private EventRow row(String aggregateId, long sequence, String aggregateType, Record event, String commandName, String user,
                         String correlationId, String causationId) {
        String id = correlationId == null && causationId == null ? uuid() : null;
        Map<String, Object> meta = new TreeMap<>();
        meta.put(MetadataKeys.CAUSATION_ID, causationId != null ? causationId : id != null ? id : uuid());
        meta.put(MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId : id);
        meta.put(MetadataKeys.COMMAND_NAME, commandName);
        meta.put(MetadataKeys.USER, user);
        try {
            return new EventRow(uuid(), aggregateId, sequence, aggregateType, AXON_TIME.format(Instant.ofEpochMilli(clockMillis)),
                    payloadType(event), json.writeValueAsBytes(event), json.writeValueAsBytes(meta));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload type as Axon stores it: the binary name of the event record ({@code Outer$Event}). */
    private static String payloadType(Record event) {
        return event.getClass().getName();
    }

    private String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Walks one plan, keeping what the aggregate keeps, to produce the events it would apply. */
    private final class Cursor {
        final InspectionPlan plan;
        int position;
        final Map<String, Integer> categoryOrdinal = new LinkedHashMap<>();
        final Map<String, String> categoryTitle = new LinkedHashMap<>();
        final Map<String, FindingState> findings = new LinkedHashMap<>();

        Cursor(InspectionPlan plan) {
            this.plan = plan;
        }

        boolean done() {
            return position >= plan.steps.size();
        }

        EventRow next() {
            Step s = plan.steps.get(position);
            long seq = position++;
            String id = plan.inspectionId;
            return switch (s.kind()) {
                case SCHEDULE -> event(seq, new InspectionScheduledEvent(id, plan.roundId, plan.inspectingBody,
                        plan.inspectedUnit, plan.mandate, plan.legalBasis, plan.fieldworkStart, plan.fieldworkEnd, InspectionKind.XUNCHA, null, null),
                        "ScheduleInspectionCommand");
                case START_FIELDWORK -> event(seq, new FieldworkStartedEvent(id, s.date()), "StartFieldworkCommand");
                case ADD_CATEGORY -> {
                    categoryOrdinal.put(s.categoryId(), categoryOrdinal.size() + 1);
                    categoryTitle.put(s.categoryId(), s.categoryTitle());
                    yield event(seq, new FindingCategoryAddedEvent(id, s.categoryId(), categoryOrdinal.size(), s.categoryTitle()),
                            "AddFindingCategoryCommand");
                }
                case RECORD_FINDING -> {
                    int ordinal = (int) findings.values().stream().filter(f -> f.categoryId.equals(s.categoryId())).count() + 1;
                    findings.put(s.findingId(), new FindingState(s.categoryId(), ordinal, s.title(), s.description(), s.manifestations()));
                    yield event(seq, new FindingRecordedEvent(id, s.findingId(), s.categoryId(), ordinal, s.title(),
                            s.description(), s.manifestations()), "RecordFindingCommand");
                }
                case AMEND_FINDING -> {
                    findings.get(s.findingId()).text(s.title(), s.description(), s.manifestations());
                    yield event(seq, new FindingAmendedEvent(id, s.findingId(), s.title(), s.description(), s.manifestations()),
                            "AmendFindingCommand");
                }
                case CONCLUDE_FIELDWORK -> event(seq, new FieldworkConcludedEvent(id, s.date()), "ConcludeFieldworkCommand");
                case DELIVER_FEEDBACK -> {
                    List<DeliveredCategory> categories = new ArrayList<>();
                    for (Map.Entry<String, Integer> c : categoryOrdinal.entrySet()) {
                        List<DeliveredFinding> items = new ArrayList<>();
                        findings.forEach((fid, f) -> {
                            if (f.categoryId.equals(c.getKey())) {
                                items.add(new DeliveredFinding(fid, f.ordinal, f.title, f.description, f.manifestations));
                            }
                        });
                        if (!items.isEmpty()) {
                            categories.add(new DeliveredCategory(c.getKey(), c.getValue(), categoryTitle.get(c.getKey()), items));
                        }
                    }
                    FeedbackDeliveredEvent feedback = new FeedbackDeliveredEvent(id, plan.roundId, plan.inspectingBody,
                            plan.inspectedUnit, plan.mandate, plan.legalBasis, plan.fieldworkStart, plan.fieldworkEnd, s.date(),
                            categories, InspectionKind.XUNCHA, null, null);
                    if (!rectifications) {
                        yield event(seq, feedback, "DeliverFeedbackCommand");
                    }
                    String command = uuid();
                    EventRow row = row(id, seq, "Inspection", feedback, "DeliverFeedbackCommand", "inspector", command, command);
                    RectificationStream r = new RectificationStream(feedback, command, RectificationPlan.generate(plan, random),
                            random.nextInt(5) == 0, (aggregate, sequence, type, event, name, user, correlation) ->
                            row(aggregate, sequence, type, event, name, user, correlation, null));
                    rectByInspection.put(id, r);
                    forced.add(r);
                    if (!r.unstarted) {
                        rectInFlight.add(r);
                    }
                    yield row;
                }
                case CORRECT_FINDING -> {
                    FindingState f = findings.get(s.findingId());
                    f.text(s.title(), s.description(), s.manifestations());
                    FindingCorrectedEvent corrected = new FindingCorrectedEvent(id, s.findingId(), f.categoryId, s.title(),
                            s.description(), s.manifestations(), s.reason());
                    RectificationStream r = rectByInspection.get(id);
                    if (r == null) {
                        yield event(seq, corrected, "CorrectFindingCommand");
                    }
                    String command = uuid();
                    EventRow row = row(id, seq, "Inspection", corrected, "CorrectFindingCommand", "inspector", command, command);
                    if (!r.hasForced()) {
                        forced.add(r);
                    }
                    r.correctionStored(corrected, row.eventIdentifier(), command);
                    yield row;
                }
            };
        }

        private EventRow event(long seq, Record event, String command) {
            return row(plan.inspectionId, seq, "Inspection", event, command);
        }
    }

    private static final class FindingState {
        final String categoryId;
        final int ordinal;
        String title;
        String description;
        List<String> manifestations;

        FindingState(String categoryId, int ordinal, String title, String description, List<String> manifestations) {
            this.categoryId = categoryId;
            this.ordinal = ordinal;
            text(title, description, manifestations);
        }

        void text(String title, String description, List<String> manifestations) {
            this.title = title;
            this.description = description;
            this.manifestations = manifestations;
        }
    }

    /** Average payload and metadata size of {@code n} freshly generated events (bytes), for reports. */
    public static double[] averageSizes(long seed, int n) {
        InspectionHistory h = new InspectionHistory(seed, "s");
        long payload = 0;
        long meta = 0;
        for (int i = 0; i < n; i++) {
            EventRow r = h.next();
            payload += r.payload().length;
            meta += r.metaData().length;
        }
        return new double[]{payload / (double) n, meta / (double) n};
    }

}
