package io.zhenggai.app.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationEvents;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.api.rectification.RectificationQueries.LedgerView;
import io.zhenggai.app.support.TestDatabase;
import io.zhenggai.ledger.FindingCounts;
import io.zhenggai.ledger.ItemCounts;
import io.zhenggai.ledger.Ledger;
import io.zhenggai.ledger.LedgerFinding;
import io.zhenggai.ledger.LedgerItem;
import io.zhenggai.publication.compose.NoticeFactsFolder;
import io.zhenggai.rectification.query.LedgerReader;
import io.zhenggai.reporting.progress.DashboardReader;
import io.zhenggai.reporting.progress.ProgressQueries.InspectionProgress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three readers of the ledger agree on every count (issue 11, "one ledger arithmetic"). jqwik generates event
 * histories of one rectification — categories and findings, supplementary findings of both sources, items of every
 * kind, and every status transition the aggregate allows (progress to any status, close-off requested, approved or
 * returned, 回头看 reopening, deadline extensions, revisions, removals, overdue marks) — and folds each through:
 * the rectification ledger's projection and query, the progress dashboard's projection and query (both the real
 * classes, on PostgreSQL), and the notice composer's folder. Each must state the same item and finding totals and
 * rates as a plain model of the history counted by the ledger arithmetic.
 */
class ReadersAgreeIT {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 1);
    static final LocalDate FEEDBACK = LocalDate.of(2023, 9, 12);
    static final Instant START = Instant.parse("2023-09-13T02:00:00Z");
    static final int WARNING_DAYS = 10;

    static SingleConnectionDataSource dataSource;
    static LedgerReader ledger;
    static DashboardReader dashboard;

    /** A database of its own: the rows written here have no events, so the shared one must not see them. */
    @BeforeContainer
    static void database() {
        String url = TestDatabase.freshUrl("readers");
        Flyway.configure().dataSource(url, TestDatabase.user(), "").locations("classpath:db/migration")
                .outOfOrder(true).load().migrate();
        dataSource = new SingleConnectionDataSource(url, TestDatabase.user(), "", true);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ObjectMapper json = JsonMapper.builder().findAndAddModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        ledger = new LedgerReader(jdbc, new org.springframework.jdbc.core.JdbcTemplate(dataSource), json);
        dashboard = new DashboardReader(jdbc, json, Clock.fixed(START, ZoneId.of("Asia/Shanghai")));
    }

    @AfterContainer
    static void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    // ---------------------------------------------------------------- the generated history

    enum Act { PROGRESS, REQUEST_CLOSE_OFF, APPROVE_CLOSE_OFF, RETURN_CLOSE_OFF, REOPEN, EXTEND, REVISE, REMOVE, OVERDUE }

    record ItemSpec(ItemKind kind, int dueOffset, List<Integer> findingPicks) {
    }

    record Action(Act act, int item, ItemStatus status, int days, List<Integer> findingPicks) {
    }

    record HistorySpec(List<Integer> findingsPerCategory, int supplementary, List<ItemSpec> items, List<Action> actions) {
    }

    @Provide
    Arbitrary<HistorySpec> histories() {
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<ItemSpec> item = Combinators.combine(Arbitraries.of(ItemKind.class), Arbitraries.integers().between(-40, 60),
                picks).as(ItemSpec::new);
        Arbitrary<Action> action = Combinators.combine(Arbitraries.of(Act.class), Arbitraries.integers().between(0, 20),
                Arbitraries.of(ItemStatus.class), Arbitraries.integers().between(1, 60), picks).as(Action::new);
        return Combinators.combine(
                Arbitraries.integers().between(1, 3).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 3),
                item.list().ofMinSize(1).ofMaxSize(8),
                action.list().ofMaxSize(30)
        ).as(HistorySpec::new);
    }

    /** A plain model of an item, kept while the history is built: what the aggregate would know. */
    static final class Model {
        String itemId;
        ItemKind kind;
        ItemStatus status = ItemStatus.NOT_STARTED;
        CloseOffState closeOff = CloseOffState.NONE;
        LocalDate originalDue;
        LocalDate due;
        List<String> findingIds;
        boolean removed;
        int extensions;

        LedgerItem ledgerItem() {
            return new LedgerItem(itemId, kind, status, closeOff, due, findingIds);
        }
    }

    /** The events of {@code spec} for a fresh inspection, only transitions the aggregate allows; models filled. */
    static List<Object> events(HistorySpec spec, String inspectionId, List<LedgerFinding> findings, Map<String, Model> items) {
        String rect = RectificationIds.forInspection(inspectionId);
        List<Object> events = new ArrayList<>();
        List<LedgerCategory> categories = new ArrayList<>();
        for (int c = 0; c < spec.findingsPerCategory().size(); c++) {
            List<RectificationEvents.LedgerFinding> fs = new ArrayList<>();
            for (int f = 0; f < spec.findingsPerCategory().get(c); f++) {
                String id = "f" + (c + 1) + "-" + (f + 1);
                fs.add(new RectificationEvents.LedgerFinding(id, f + 1, "问题" + id, "说明", List.of()));
                findings.add(new LedgerFinding(id, "c" + (c + 1), null));
            }
            categories.add(new LedgerCategory("c" + (c + 1), c + 1, "（" + (c + 1) + "）方面", fs));
        }
        events.add(new RectificationOpenedEvent(rect, inspectionId, null, "区委第一巡察组", "某单位", "区委统一部署", List.of(),
                FEEDBACK.minusMonths(3), FEEDBACK.minusMonths(2), FEEDBACK, categories, null, null, null));
        Map<FindingSource, Integer> perSource = new LinkedHashMap<>();
        for (int s = 0; s < spec.supplementary(); s++) {
            FindingSource source = s % 2 == 0 ? FindingSource.PUBLIC_FEEDBACK : FindingSource.FINANCE_VIOLATION;
            int n = perSource.merge(source, 1, Integer::sum);
            String id = "s" + (s + 1);
            events.add(new SupplementaryFindingRecordedEvent(rect, id, source.supplementaryCategoryId(),
                    categories.size() + 1 + source.ordinal(), source.supplementaryCategoryTitle(), n == 1, n, "补充问题" + id,
                    "说明", source, "src-" + id, FEEDBACK.plusDays(10 + s), false));
            findings.add(new LedgerFinding(id, source.supplementaryCategoryId(), source));
        }
        int ordinal = 0;
        for (ItemSpec i : spec.items()) {
            ordinal++;
            Model m = new Model();
            m.itemId = "i" + ordinal;
            m.kind = i.kind();
            m.due = i.kind() == ItemKind.ONGOING ? null : TODAY.plusDays(i.dueOffset());
            m.originalDue = m.due;
            m.findingIds = pick(i.findingPicks(), findings);
            items.put(m.itemId, m);
            events.add(new ItemAddedEvent(rect, m.itemId, ordinal, m.findingIds, "整改事项" + ordinal, m.kind, m.due, null, null,
                    "办公室", null, false, null));
        }
        events.add(new PlanAdoptedEvent(rect, "整改方案", null, FEEDBACK.plusDays(20), items.size(), 0));
        List<Model> models = new ArrayList<>(items.values());
        LocalDate day = FEEDBACK.plusDays(21);
        int n = 0;
        for (Action a : spec.actions()) {
            n++;
            Model m = models.get(a.item() % models.size());
            day = day.plusDays(1);
            if (m.removed) {
                continue;
            }
            ItemStatus fitting = fits(m.kind, a.status());
            switch (a.act()) {
                case PROGRESS -> {
                    if (m.closeOff == CloseOffState.NONE) {
                        events.add(new ProgressRecordedEvent(rect, "p" + n, m.itemId, null, day, null, fitting, m.status,
                                "进展" + n, List.of()));
                        m.status = fitting;
                    }
                }
                case REQUEST_CLOSE_OFF -> {
                    if (m.closeOff == CloseOffState.NONE && m.status.done()) {
                        events.add(new CloseOffRequestedEvent(rect, m.itemId, day, "申请销号", List.of()));
                        m.closeOff = CloseOffState.REQUESTED;
                    }
                }
                case APPROVE_CLOSE_OFF -> {
                    if (m.closeOff == CloseOffState.REQUESTED) {
                        events.add(new CloseOffApprovedEvent(rect, m.itemId, day, "同意", List.of()));
                        m.closeOff = CloseOffState.CLOSED_OFF;
                    }
                }
                case RETURN_CLOSE_OFF -> {
                    if (m.closeOff == CloseOffState.REQUESTED) {
                        events.add(new CloseOffReturnedEvent(rect, m.itemId, day, "材料不足"));
                        m.closeOff = CloseOffState.NONE;
                    }
                }
                case REOPEN -> {
                    if (m.closeOff == CloseOffState.CLOSED_OFF) {
                        events.add(new ItemReopenedEvent(rect, m.itemId, day, "回头看", fitting));
                        m.closeOff = CloseOffState.NONE;
                        m.status = fitting;
                    }
                }
                case EXTEND -> {
                    if (m.closeOff != CloseOffState.CLOSED_OFF && m.due != null && !m.status.done()) {
                        m.extensions++;
                        LocalDate newDue = m.due.plusDays(a.days());
                        events.add(new DeadlineExtendedEvent(rect, m.itemId, m.extensions, m.originalDue, m.due, newDue, day,
                                "延期", "组长"));
                        m.due = newDue;
                    }
                }
                case REVISE -> {
                    m.findingIds = pick(a.findingPicks(), findings);
                    events.add(new ItemRevisedEvent(rect, m.itemId, m.findingIds, "修改后的整改事项", m.kind, m.due, true, "调整"));
                }
                case REMOVE -> {
                    if (m.closeOff == CloseOffState.NONE) {
                        events.add(new ItemRemovedEvent(rect, m.itemId, "合并"));
                        m.removed = true;
                    }
                }
                case OVERDUE -> {
                    if (m.due != null && !Ledger.done(m.status, m.closeOff) && day.isAfter(m.due)) {
                        events.add(new ItemBecameOverdueEvent(rect, m.itemId, m.due, m.due.plusDays(1), m.status));
                    }
                }
            }
        }
        return events;
    }

    /** The statuses an item of this kind may have: an ongoing item is never completed, only ongoing ones reach 长效机制. */
    static ItemStatus fits(ItemKind kind, ItemStatus status) {
        if (kind == ItemKind.ONGOING && status == ItemStatus.COMPLETED) {
            return ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED;
        }
        if (kind != ItemKind.ONGOING && status == ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED) {
            return ItemStatus.COMPLETED;
        }
        return status;
    }

    static List<String> pick(List<Integer> picks, List<LedgerFinding> findings) {
        return picks.stream().map(p -> findings.get(p % findings.size()).findingId()).distinct().toList();
    }

    static List<EventMessage<?>> messages(List<Object> payloads, String aggregateId) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            messages.add(new GenericDomainEventMessage<>("Rectification", aggregateId, seq, payloads.get(seq), Map.of(),
                    UUID.randomUUID().toString(), START.plusSeconds(60L * seq)));
        }
        return messages;
    }

    // ---------------------------------------------------------------- the property

    @Property(tries = 150)
    void theLedgerTheDashboardAndTheNoticeStateTheSameCounts(@ForAll("histories") HistorySpec spec) throws Exception {
        String inspectionId = "prop-" + UUID.randomUUID();
        String rect = RectificationIds.forInspection(inspectionId);
        List<LedgerFinding> findings = new ArrayList<>();
        Map<String, Model> models = new LinkedHashMap<>();
        List<EventMessage<?>> history = messages(events(spec, inspectionId, findings, models), rect);

        NoticeFactsFolder notice = new NoticeFactsFolder(inspectionId);
        for (EventMessage<?> m : history) {
            ledger.apply(m);
            dashboard.apply(m);
            notice.accept(m);
        }

        List<LedgerItem> active = models.values().stream().filter(m -> !m.removed).map(Model::ledgerItem).toList();
        ItemCounts items = Ledger.itemCounts(active, TODAY, WARNING_DAYS);
        FindingCounts expectedFindings = Ledger.findingCounts(findings, active);

        LedgerView l = ledger.ledger(rect, TODAY, WARNING_DAYS);
        InspectionProgress d = dashboard.progress(inspectionId, TODAY, WARNING_DAYS);
        NoticeFacts.Totals n = notice.facts().totals();

        // items: the partition by status, the rate, and (ledger and dashboard, which know the day) warnings and close-off
        int[] model = {items.items(), items.completed(), items.notStarted(), items.inProgress(), items.basicallyCompleted(),
                items.notCompleted()};
        assertThat(new int[]{l.totals().items(), l.totals().completed(), l.totals().notStarted(), l.totals().inProgress(),
                l.totals().basicallyCompleted(), l.totals().notCompleted()}).as("ledger items").containsExactly(model);
        assertThat(new int[]{d.totals().items(), d.totals().completed(), d.totals().notStarted(), d.totals().inProgress(),
                d.totals().basicallyCompleted(), d.totals().notCompleted()}).as("dashboard items").containsExactly(model);
        assertThat(new int[]{n.items(), n.itemsCompleted(), n.itemsNotStarted(), n.itemsInProgress(),
                n.itemsBasicallyCompleted(), n.itemsNotCompleted()}).as("notice items").containsExactly(model);
        int[] side = {items.longTermMechanism(), items.closedOff(), items.closeOffRequested(), items.overdue(), items.dueSoon()};
        assertThat(new int[]{l.totals().longTermMechanism(), l.totals().closedOff(), l.totals().closeOffRequested(),
                l.totals().overdue(), l.totals().dueSoon()}).as("ledger warnings and close-off").containsExactly(side);
        assertThat(new int[]{d.totals().longTermMechanism(), d.totals().closedOff(), d.totals().closeOffRequested(),
                d.totals().overdue(), d.totals().dueSoon()}).as("dashboard warnings and close-off").containsExactly(side);
        assertThat(l.totals().completionRate()).isEqualTo(items.completionRate());
        assertThat(d.totals().completionRate()).isEqualTo(items.completionRate());
        assertThat(n.itemCompletionRate()).isEqualTo(items.completionRate());

        // findings: one count per status, supplementary findings included, and the rate
        FindingCounts f = expectedFindings;
        int[] byStatus = {f.findings(), f.completed(), f.basicallyCompleted(), f.inProgress(), f.notStarted(), f.notCompleted(),
                f.withoutItems(), f.supplementary()};
        var lf = l.findingTotals();
        var df = d.findingTotals();
        assertThat(new int[]{lf.findings(), lf.completed(), lf.basicallyCompleted(), lf.inProgress(), lf.notStarted(),
                lf.notCompleted(), lf.withoutItems(), lf.supplementary()}).as("ledger findings").containsExactly(byStatus);
        assertThat(new int[]{df.findings(), df.completed(), df.basicallyCompleted(), df.inProgress(), df.notStarted(),
                df.notCompleted(), df.withoutItems(), df.supplementary()}).as("dashboard findings").containsExactly(byStatus);
        assertThat(new int[]{n.findings(), n.findingsCompleted(), n.findingsBasicallyCompleted(), n.findingsInProgress(),
                n.findingsNotStarted(), n.findingsNotCompleted(), n.findingsWithoutItems(), n.supplementaryFindings()})
                .as("notice findings").containsExactly(byStatus);
        assertThat(lf.completionRate()).isEqualTo(f.completionRate());
        assertThat(df.completionRate()).isEqualTo(f.completionRate());
        assertThat(n.completionRate()).isEqualTo(f.completionRate());

        // the statuses one by one, and the categories (supplementary ones too)
        for (var status : ItemStatus.values()) {
            long expected = active.stream().filter(i -> i.status() == status).count();
            assertThat(d.byStatus().stream().filter(s -> s.status() == status).findFirst().orElseThrow().count())
                    .as("dashboard byStatus " + status).isEqualTo((int) expected);
        }
        assertThat(l.categories()).extracting(c -> c.categoryId())
                .containsExactlyElementsOf(notice.facts().categories().stream().map(NoticeFacts.Category::categoryId).toList());
        assertThat(d.byCategory()).extracting(b -> b.key())
                .containsExactlyElementsOf(l.categories().stream().map(c -> c.categoryId()).toList());
    }
}
