package io.zhenggai.publication.compose;

import io.zhenggai.api.finance.FinanceEvents.MoneyOutcomeRecordedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationEnactedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationLinkedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRevisedEvent;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.ledger.Accountability;
import io.zhenggai.ledger.FindingCounts;
import io.zhenggai.ledger.ItemCounts;
import io.zhenggai.ledger.Ledger;
import io.zhenggai.ledger.LedgerFinding;
import io.zhenggai.ledger.LedgerItem;
import io.zhenggai.ledger.ProcessMetrics;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds events, in the order of the event store, with its {@code @EventHandler} methods (dispatched by Axon's
 * {@link AnnotationEventHandlerAdapter}, so the messages come upcast and deserialised as Axon reads them) into the
 * {@link NoticeFacts} of one inspection: the inspection's own events (by inspection id), its rectification's (tied to it by {@code RectificationOpenedEvent}), the
 * regulations linked to it (directly, or through a finding that only this inspection has) and the money recorded
 * for it. Events of other inspections are used only to tell which inspections a finding id belongs to.
 * Supplementary findings (补充问题) count and render like the delivered ones. The figures come from the one ledger
 * arithmetic ({@link Ledger}). Pure and deterministic: the same events give equal facts. Not a Spring bean and no
 * event processor: a plain object, one per composition.
 */
public final class NoticeFactsFolder {

    private final String inspectionId;
    private boolean scheduled;
    private InspectionKind kind;
    private InspectionForm form;
    private InspectionLevel level;
    private String rectificationId;
    private String inspectingBody;
    private String inspectedUnit;
    private String mandate;
    private List<String> legalBasis = List.of();
    private LocalDate plannedStart;
    private LocalDate plannedEnd;
    private LocalDate fieldworkStart;
    private LocalDate fieldworkEnd;
    private LocalDate feedbackDate;
    private final Map<String, Cat> categories = new LinkedHashMap<>();
    private final Map<String, Fnd> findings = new LinkedHashMap<>();
    private final Map<String, Set<String>> findingOwners = new HashMap<>();
    private NoticeFacts.Office office;
    private final Map<String, NoticeFacts.GroupMember> members = new LinkedHashMap<>();
    private NoticeFacts.Plan plan;
    private final Map<String, ItemState> items = new LinkedHashMap<>();
    private final List<NoticeFacts.Meeting> meetings = new ArrayList<>();
    private final List<Accountability.Fact> accountability = new ArrayList<>();
    private final Map<String, Reg> regulations = new LinkedHashMap<>();
    private final Map<MoneyOutcomeKind, BigDecimal> money = new EnumMap<>(MoneyOutcomeKind.class);
    private final List<ProcessMetrics.Fact> metrics = new ArrayList<>();

    private static final class Cat {
        int ordinal;
        String title;
    }

    private static final class Fnd {
        String categoryId;
        int ordinal;
        String title;
        List<String> manifestations = List.of();
        boolean withdrawn;
        FindingSource source;
    }

    private static final class ItemState {
        String itemId;
        int ordinal;
        String title;
        List<String> findingIds;
        ItemKind kind;
        ItemStatus status = ItemStatus.NOT_STARTED;
        boolean closedOff;
        LocalDate due;
        String department;
        boolean removed;
        final Map<String, MeasureState> measures = new LinkedHashMap<>();
    }

    private static final class MeasureState {
        String measureId;
        int ordinal;
        String text;
        ItemStatus status = ItemStatus.NOT_STARTED;
        String latestProgress;
        boolean removed;
    }

    private static final class Reg {
        String title;
        int latestVersion;
        int linkedVersion; // highest version number a link named, 0 = not linked to this inspection
    }

    private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(this);

    public NoticeFactsFolder(String inspectionId) {
        this.inspectionId = inspectionId;
    }

    /** Applies one event payload (any payload; those of no interest are ignored). */
    public void accept(Object payload) {
        accept(GenericEventMessage.asEventMessage(payload));
    }

    /**
     * Applies one event message, as read from the event store (upcast and deserialised by Axon), through the
     * {@code @EventHandler} methods of this folder; a message none of them handles is ignored.
     */
    public void accept(EventMessage<?> message) {
        dispatch(handlers, message);
    }

    /** Hands {@code message} to the {@code @EventHandler} of {@code handlers} that takes it, if any (also the round folder's). */
    static void dispatch(AnnotationEventHandlerAdapter handlers, EventMessage<?> message) {
        if (!handlers.canHandle(message)) {
            return;
        }
        try {
            handlers.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not fold " + message.getPayloadType().getName(), e);
        }
    }

    // ---------------------------------------------------------------- inspection

    @EventHandler
    void on(InspectionScheduledEvent e) {
        owner(e.inspectionId(), null);
        if (mine(e.inspectionId())) {
            scheduled = true;
            kind(e.kind(), e.form(), e.level());
            inspectingBody = e.inspectingBody();
            inspectedUnit = e.inspectedUnit();
            mandate = e.mandate();
            legalBasis = e.legalBasis() == null ? List.of() : List.copyOf(e.legalBasis());
            plannedStart = e.plannedFieldworkStart();
            plannedEnd = e.plannedFieldworkEnd();
        }
    }

    @EventHandler
    void on(FieldworkStartedEvent e) {
        if (mine(e.inspectionId())) {
            fieldworkStart = e.date();
        }
    }

    @EventHandler
    void on(FieldworkConcludedEvent e) {
        if (mine(e.inspectionId())) {
            fieldworkEnd = e.date();
        }
    }

    @EventHandler
    void on(FindingCategoryAddedEvent e) {
        if (mine(e.inspectionId())) {
            category(e.categoryId(), e.ordinal(), e.title());
        }
    }

    @EventHandler
    void on(FindingRecordedEvent e) {
        owner(e.inspectionId(), e.findingId());
        if (mine(e.inspectionId())) {
            finding(e.findingId(), e.categoryId(), e.ordinal(), e.title(), null);
            findings.get(e.findingId()).manifestations = list(e.manifestations());
        }
    }

    @EventHandler
    void on(FindingAmendedEvent e) {
        if (mine(e.inspectionId()) && findings.containsKey(e.findingId())) {
            findings.get(e.findingId()).title = e.title();
            findings.get(e.findingId()).manifestations = list(e.manifestations());
        }
    }

    @EventHandler
    void on(FindingWithdrawnEvent e) {
        if (mine(e.inspectionId()) && findings.containsKey(e.findingId())) {
            findings.get(e.findingId()).withdrawn = true;
        }
    }

    @EventHandler
    void on(FeedbackDeliveredEvent e) {
        e.categories().forEach(c -> c.findings().forEach(f -> owner(e.inspectionId(), f.findingId())));
        if (mine(e.inspectionId())) {
            kind(e.kind(), e.form(), e.level());
            delivered(e.inspectingBody(), e.inspectedUnit(), e.mandate(), e.legalBasis(), e.fieldworkStart(),
                    e.fieldworkEnd(), e.feedbackDate());
            categories.clear();
            findings.clear();
            for (DeliveredCategory c : e.categories()) {
                category(c.categoryId(), c.ordinal(), c.title());
                c.findings().forEach(f -> {
                    finding(f.findingId(), c.categoryId(), f.ordinal(), f.title(), null);
                    findings.get(f.findingId()).manifestations = list(f.manifestations());
                });
            }
        }
    }

    @EventHandler
    void on(FindingCorrectedEvent e) {
        if (mine(e.inspectionId()) && findings.containsKey(e.findingId())) {
            findings.get(e.findingId()).title = e.title();
            findings.get(e.findingId()).manifestations = list(e.manifestations());
        }
    }

    // ---------------------------------------------------------------- rectification

    @EventHandler
    void on(RectificationOpenedEvent e) {
        if (mine(e.inspectionId())) {
            rectificationId = e.rectificationId();
            kind(e.kind(), e.form(), e.level());
            delivered(e.inspectingBody(), e.inspectedUnit(), e.mandate(), e.legalBasis(), e.fieldworkStart(),
                    e.fieldworkEnd(), e.feedbackDate());
            categories.clear();
            findings.clear();
            for (LedgerCategory c : e.categories()) {
                category(c.categoryId(), c.ordinal(), c.title());
                c.findings().forEach(f -> {
                    finding(f.findingId(), c.categoryId(), f.ordinal(), f.title(), null);
                    findings.get(f.findingId()).manifestations = list(f.manifestations());
                });
            }
        }
    }

    @EventHandler
    void on(FindingCorrectionTakenOverEvent e) {
        if (rect(e.rectificationId()) && findings.containsKey(e.findingId())) {
            findings.get(e.findingId()).title = e.title();
            findings.get(e.findingId()).manifestations = list(e.manifestations());
        }
    }

    /** A supplementary finding (补充问题) counts and renders like the delivered ones, in its category. */
    @EventHandler
    void on(SupplementaryFindingRecordedEvent e) {
        owner(RectificationIds.inspectionOf(e.rectificationId()), e.findingId());
        if (rect(e.rectificationId()) && !findings.containsKey(e.findingId())) {
            if (!categories.containsKey(e.categoryId())) {
                category(e.categoryId(), e.categoryOrdinal(), e.categoryTitle());
            }
            finding(e.findingId(), e.categoryId(), e.ordinal(), e.title(), e.source());
        }
    }

    @EventHandler
    void on(OfficeNamedEvent e) {
        if (rect(e.rectificationId())) {
            office = new NoticeFacts.Office(e.name(), e.hostDepartment());
        }
    }

    @EventHandler
    void on(GroupMemberAppointedEvent e) {
        if (rect(e.rectificationId())) {
            members.put(e.memberId(), new NoticeFacts.GroupMember(e.memberId(), e.name(), e.position(), e.role()));
        }
    }

    @EventHandler
    void on(GroupMemberRelievedEvent e) {
        if (rect(e.rectificationId())) {
            members.remove(e.memberId());
        }
    }

    @EventHandler
    void on(ItemAddedEvent e) {
        if (rect(e.rectificationId())) {
            ItemState item = new ItemState();
            item.itemId = e.itemId();
            item.ordinal = e.ordinal();
            item.title = e.title();
            item.findingIds = List.copyOf(e.findingIds());
            item.kind = e.kind();
            item.due = e.dueDate();
            item.department = e.responsibleDepartment();
            items.put(e.itemId(), item);
        }
    }

    @EventHandler
    void on(ItemRevisedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> {
            item.title = e.title();
            item.findingIds = List.copyOf(e.findingIds());
            item.kind = e.kind();
            item.due = e.dueDate();
        });
    }

    @EventHandler
    void on(ItemRemovedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> item.removed = true);
    }

    @EventHandler
    void on(MeasureAddedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> {
            MeasureState m = new MeasureState();
            m.measureId = e.measureId();
            m.ordinal = e.ordinal();
            m.text = e.text();
            item.measures.put(e.measureId(), m);
        });
    }

    @EventHandler
    void on(MeasureRevisedEvent e) {
        measure(e.rectificationId(), e.itemId(), e.measureId(), m -> m.text = e.text());
    }

    @EventHandler
    void on(MeasureRemovedEvent e) {
        measure(e.rectificationId(), e.itemId(), e.measureId(), m -> m.removed = true);
    }

    @EventHandler
    void on(ResponsibilityAssignedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> item.department = e.responsibleDepartment());
    }

    @EventHandler
    void on(PlanAdoptedEvent e) {
        if (rect(e.rectificationId())) {
            plan = new NoticeFacts.Plan(e.title(), e.documentNumber(), e.adoptedDate());
        }
    }

    @EventHandler
    void on(ProgressRecordedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> {
            if (e.itemStatus() != null) {
                item.status = e.itemStatus();
            }
            if (e.measureId() != null && item.measures.containsKey(e.measureId())) {
                MeasureState m = item.measures.get(e.measureId());
                if (e.measureStatus() != null) {
                    m.status = e.measureStatus();
                }
                if (e.text() != null && !e.text().isBlank()) {
                    m.latestProgress = e.text();
                }
            }
        });
    }

    @EventHandler
    void on(CloseOffApprovedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> item.closedOff = true);
    }

    @EventHandler
    void on(ItemReopenedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> {
            item.closedOff = false;
            if (e.status() != null) {
                item.status = e.status();
            }
        });
    }

    @EventHandler
    void on(DeadlineExtendedEvent e) {
        item(e.rectificationId(), e.itemId(), item -> item.due = e.newDueDate());
    }

    @EventHandler
    void on(MeetingRecordedEvent e) {
        if (rect(e.rectificationId())) {
            meetings.add(new NoticeFacts.Meeting(e.meetingId(), e.kind(), e.date(), e.title()));
        }
    }

    @EventHandler
    void on(AccountabilityRecordedEvent e) {
        if (rect(e.rectificationId())) {
            accountability.add(new Accountability.Fact(e.kind(), e.count(), e.personsNotCounted()));
        }
    }

    /** 过程性指标: summed by kind through the ledger's {@link ProcessMetrics}, as the ledger view and the round totals sum them. */
    @EventHandler
    void on(ProcessMetricRecordedEvent e) {
        if (rect(e.rectificationId())) {
            metrics.add(new ProcessMetrics.Fact(e.kind(), e.meetingKind(), e.count()));
        }
    }

    // ---------------------------------------------------------------- finance

    @EventHandler
    void on(RegulationEnactedEvent e) {
        Reg reg = regulations.computeIfAbsent(e.regulationId(), k -> new Reg());
        reg.title = e.title();
        reg.latestVersion = e.versionNumber();
        link(reg, e.answers(), e.versionNumber());
    }

    @EventHandler
    void on(RegulationRevisedEvent e) {
        Reg reg = regulations.computeIfAbsent(e.regulationId(), k -> new Reg());
        reg.title = e.title();
        reg.latestVersion = e.versionNumber();
        link(reg, e.answers(), e.versionNumber());
    }

    @EventHandler
    void on(RegulationLinkedEvent e) {
        Reg reg = regulations.computeIfAbsent(e.regulationId(), k -> new Reg());
        link(reg, e.link() == null ? List.of() : List.of(e.link()), e.versionNumberAtLink());
    }

    @EventHandler
    void on(MoneyOutcomeRecordedEvent e) {
        if (inspectionId.equals(e.inspectionId()) && e.amount() != null) {
            money.merge(e.kind(), e.amount(), BigDecimal::add);
        }
    }

    /** The facts folded so far; null when the inspection was never scheduled. */
    public NoticeFacts facts() {
        if (!scheduled && rectificationId == null) {
            return null;
        }
        List<ItemState> active = items.values().stream().filter(i -> !i.removed)
                .sorted(Comparator.comparingInt(i -> i.ordinal)).toList();
        Map<String, List<NoticeFacts.Item>> itemsByCategory = new LinkedHashMap<>();
        for (ItemState item : active) {
            String categoryId = item.findingIds.stream().map(findings::get).filter(f -> f != null)
                    .map(f -> f.categoryId).findFirst().orElse(null);
            itemsByCategory.computeIfAbsent(categoryId, k -> new ArrayList<>()).add(toFacts(item));
        }
        List<NoticeFacts.Category> cats = new ArrayList<>();
        categories.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().ordinal)).forEach(e -> {
            List<NoticeFacts.Finding> fs = findings.entrySet().stream()
                    .filter(f -> f.getValue().categoryId.equals(e.getKey()) && !f.getValue().withdrawn)
                    .sorted(Comparator.comparingInt(f -> f.getValue().ordinal))
                    .map(f -> new NoticeFacts.Finding(f.getKey(), f.getValue().ordinal, f.getValue().title,
                            f.getValue().manifestations)).toList();
            cats.add(new NoticeFacts.Category(e.getKey(), e.getValue().ordinal, e.getValue().title, fs,
                    List.copyOf(itemsByCategory.getOrDefault(e.getKey(), List.of()))));
        });

        NoticeFacts.Totals totals = counts().totals();

        List<NoticeFacts.RegulationRef> regs = regulations.entrySet().stream().filter(e -> e.getValue().linkedVersion > 0)
                .map(e -> new NoticeFacts.RegulationRef(e.getKey(), e.getValue().title, e.getValue().linkedVersion > 1)).toList();
        int revised = (int) regs.stream().filter(NoticeFacts.RegulationRef::revised).count();

        // only the kinds the unit recorded (the ledger's sum): what it did not state, the notice does not state
        List<NoticeFacts.AccountabilityCount> acc = Accountability.byKind(accountability).stream()
                .map(a -> new NoticeFacts.AccountabilityCount(a.kind(), a.label(), a.count(), a.uncounted())).toList();
        List<NoticeFacts.MoneyTotal> mon = new ArrayList<>();
        money.forEach((k, amount) -> mon.add(new NoticeFacts.MoneyTotal(k, k.label(), amount)));
        List<NoticeFacts.GroupMember> group = members.values().stream()
                .sorted(Comparator.comparingInt((NoticeFacts.GroupMember m) -> m.role() == null ? LeadershipRole.values().length : m.role().ordinal()))
                .toList();
        return new NoticeFacts(inspectionId, rectificationId, inspectingBody, inspectedUnit, mandate, legalBasis,
                fieldworkStart != null ? fieldworkStart : plannedStart, fieldworkEnd != null ? fieldworkEnd : plannedEnd,
                feedbackDate, plan, office, group, List.copyOf(cats), List.copyOf(meetings),
                new NoticeFacts.Regulations(regs.size(), regs.size() - revised, revised, regs), List.copyOf(acc),
                List.copyOf(mon), totals, kind, form, level, null, ProcessMetrics.byKind(metrics));
    }

    /** The ledger counts of this inspection, folded through the one ledger arithmetic; {@link #facts()} states them. */
    record Counts(FindingCounts findings, ItemCounts items, int measures) {

        /** The sum of several (the units of a round): {@link FindingCounts#sum}, {@link ItemCounts#sum}. */
        static Counts sum(List<Counts> all) {
            return new Counts(FindingCounts.sum(all.stream().map(Counts::findings).toList()),
                    ItemCounts.sum(all.stream().map(Counts::items).toList()), all.stream().mapToInt(Counts::measures).sum());
        }

        NoticeFacts.Totals totals() {
            FindingCounts fc = findings;
            ItemCounts ic = items;
            return new NoticeFacts.Totals(fc.findings(), fc.completed(), fc.basicallyCompleted(),
                    fc.inProgress(), fc.notStarted(), fc.notCompleted(), fc.withoutItems(), fc.supplementary(), ic.items(),
                    ic.completed(), ic.basicallyCompleted(), ic.inProgress(), ic.notStarted(), ic.notCompleted(), measures,
                    fc.completionRate(), ic.completionRate());
        }
    }

    Counts counts() {
        List<ItemState> active = items.values().stream().filter(i -> !i.removed).toList();
        List<LedgerItem> ledgerItems = active.stream().map(i -> new LedgerItem(i.itemId, i.kind, i.status,
                i.closedOff ? CloseOffState.CLOSED_OFF : CloseOffState.NONE, i.due, i.findingIds)).toList();
        List<LedgerFinding> ledgerFindings = findings.entrySet().stream().filter(f -> !f.getValue().withdrawn)
                .map(f -> new LedgerFinding(f.getKey(), f.getValue().categoryId, f.getValue().source)).toList();
        int measureCount = active.stream().mapToInt(i -> (int) i.measures.values().stream().filter(m -> !m.removed).count()).sum();
        return new Counts(Ledger.findingCounts(ledgerFindings, ledgerItems), Ledger.itemCounts(ledgerItems), measureCount);
    }

    /** The kinds of money this inspection recorded (a recorded 0 included). */
    Set<MoneyOutcomeKind> moneyRecorded() {
        return Set.copyOf(money.keySet());
    }

    private void kind(InspectionKind kind, InspectionForm form, InspectionLevel level) {
        this.kind = kind;
        this.form = form;
        this.level = level;
    }

    private NoticeFacts.Item toFacts(ItemState i) {
        List<NoticeFacts.Measure> ms = i.measures.values().stream().filter(m -> !m.removed)
                .sorted(Comparator.comparingInt(m -> m.ordinal))
                .map(m -> new NoticeFacts.Measure(m.measureId, m.ordinal, m.text, m.status, m.latestProgress)).toList();
        return new NoticeFacts.Item(i.itemId, i.ordinal, i.title, i.findingIds, i.kind, i.status, i.closedOff, i.due,
                i.department, ms);
    }

    private void delivered(String body, String unit, String mandate, List<String> basis, LocalDate start, LocalDate end,
                           LocalDate feedback) {
        scheduled = true;
        inspectingBody = body;
        inspectedUnit = unit;
        this.mandate = mandate;
        legalBasis = basis == null ? List.of() : List.copyOf(basis);
        fieldworkStart = start;
        fieldworkEnd = end;
        feedbackDate = feedback;
    }

    private void category(String id, int ordinal, String title) {
        Cat c = new Cat();
        c.ordinal = ordinal;
        c.title = title;
        categories.put(id, c);
    }

    private void finding(String id, String categoryId, int ordinal, String title, FindingSource source) {
        Fnd f = new Fnd();
        f.source = source;
        f.categoryId = categoryId;
        f.ordinal = ordinal;
        f.title = title;
        findings.put(id, f);
    }

    private void owner(String inspection, String findingId) {
        if (findingId != null) {
            findingOwners.computeIfAbsent(findingId, k -> new HashSet<>()).add(inspection);
        }
    }

    /** A link counts for this inspection when it names it, or names a finding that only this inspection has. */
    private void link(Reg reg, List<AnswerLink> links, int versionNumber) {
        if (links == null) {
            return;
        }
        for (AnswerLink l : links) {
            boolean direct = inspectionId.equals(l.inspectionId());
            boolean viaFinding = l.inspectionId() == null && l.findingId() != null
                    && findingOwners.getOrDefault(l.findingId(), Set.of()).equals(Set.of(inspectionId));
            if (direct || viaFinding) {
                reg.linkedVersion = Math.max(reg.linkedVersion, versionNumber);
            }
        }
    }

    private static List<String> list(List<String> texts) {
        return texts == null ? List.of() : texts.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
    }

    private boolean mine(String id) {
        return inspectionId.equals(id);
    }

    private boolean rect(String id) {
        return rectificationId != null && rectificationId.equals(id);
    }

    private void item(String rectId, String itemId, java.util.function.Consumer<ItemState> change) {
        if (rect(rectId) && items.containsKey(itemId)) {
            change.accept(items.get(itemId));
        }
    }

    private void measure(String rectId, String itemId, String measureId, java.util.function.Consumer<MeasureState> change) {
        item(rectId, itemId, item -> {
            MeasureState m = item.measures.get(measureId);
            if (m != null) {
                change.accept(m);
            }
        });
    }
}
