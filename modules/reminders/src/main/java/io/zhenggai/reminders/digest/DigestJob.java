package io.zhenggai.reminders.digest;

import io.zhenggai.api.organisation.OrganisationQueries.FindOrganisationsOfQuery;
import io.zhenggai.api.organisation.OrganisationQueries.OrganisationsOf;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.api.reminders.DigestEntry;
import io.zhenggai.api.reminders.Recipient;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderCommands.IssueDigestCommand;
import io.zhenggai.api.reminders.ReminderIds;
import io.zhenggai.api.reminders.ReminderQueries.DigestRunView;
import io.zhenggai.api.reminders.ReminderQueries.RecipientView;
import io.zhenggai.api.reminders.ReminderReason;
import io.zhenggai.reminders.ReminderProperties;
import io.zhenggai.reminders.query.ReminderProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * The daily digest: reads every open rectification's ledger through the rectification context's query, as of the
 * business date (the app's clock), with the ledger's own warning arithmetic — RED is overdue, YELLOW due within
 * {@code zhenggai.reminders.due-within-days} — and the close-off history (the last review step RETURNED is a returned
 * close-off). Groups the entries by responsible leader and by responsible department of each unit, and issues one
 * digest per recipient and date: the aggregate id is derived from both, so a second run of the same day (a second
 * node, a manual run) records nothing new. A rectification carried as history (judged as of a past date) is skipped.
 * Each run is logged in {@code reminders_digest_run} for operations.
 */
@Component
public class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    private static final int PAGE = 100;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ReminderProjection directory;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReminderProperties properties;

    DigestJob(QueryGateway queries, CommandGateway commands, ReminderProjection directory, JdbcClient jdbc, Clock clock,
              ReminderProperties properties) {
        this.queries = queries;
        this.commands = commands;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Runs the digest for today (the app's clock). */
    public DigestRunView run(String trigger, String node) {
        return run(LocalDate.now(clock), trigger, node);
    }

    /** Runs the digest for {@code date}: issues the digests not issued yet for that date. */
    public DigestRunView run(LocalDate date, String trigger, String node) {
        String runId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        jdbc.sql("""
                        insert into reminders_digest_run (run_id, business_date, trigger, node, started_at)
                        values (:id, :date, :trigger, :node, :at)""")
                .param("id", runId).param("date", date).param("trigger", trigger).param("node", node)
                .param("at", java.sql.Timestamp.from(started)).update();
        int issued = 0, existing = 0, entries = 0;
        List<String> errors = new ArrayList<>();
        Map<Recipient, Group> groups = new LinkedHashMap<>();
        try {
            collect(date, groups, errors);
            for (Map.Entry<Recipient, Group> g : groups.entrySet()) {
                entries += g.getValue().entries.size();
                try {
                    if (issue(date, g.getKey(), g.getValue())) {
                        issued++;
                    } else {
                        existing++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Digest of {} for {} not issued", g.getKey(), date, e);
                    errors.add(g.getKey().name() + ": " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.error("Digest run {} for {} failed", runId, date, e);
            errors.add(String.valueOf(e.getMessage()));
        }
        Instant finished = clock.instant();
        String error = errors.isEmpty() ? null : String.join("; ", errors);
        jdbc.sql("""
                        update reminders_digest_run set finished_at = :at, issued = :issued, already_issued = :existing,
                               entries = :entries, error = :error where run_id = :id""")
                .param("at", java.sql.Timestamp.from(finished)).param("issued", issued).param("existing", existing)
                .param("entries", entries).param("error", error).param("id", runId).update();
        log.info("Digest run {} for {} ({}): {} issued, {} already issued, {} entries", runId, date, trigger, issued, existing,
                entries);
        return new DigestRunView(runId, date, trigger, node, started, finished, issued, existing, entries, error);
    }

    private static final class Group {
        final List<DigestEntry> entries = new ArrayList<>();
        String organisationId;
    }

    private void collect(LocalDate date, Map<Recipient, Group> groups, List<String> errors) {
        int days = properties.getDueWithinDays();
        for (int page = 0; ; page++) {
            RectificationPage rectifications = queries.query(new ListRectificationsQuery(page, PAGE, date, days),
                    RectificationPage.class).join();
            for (RectificationSummary summary : rectifications.items()) {
                try {
                    collect(summary.rectificationId(), date, days, groups);
                } catch (RuntimeException e) {
                    log.warn("Digest: ledger {} not read", summary.rectificationId(), e);
                    errors.add(summary.rectificationId() + ": " + e.getMessage());
                }
            }
            if (rectifications.items().size() < PAGE) {
                return;
            }
        }
    }

    private void collect(String rectificationId, LocalDate date, int days, Map<Recipient, Group> groups) {
        LedgerView ledger = queries.query(new FindLedgerQuery(rectificationId, LedgerFilter.none(), date, days),
                ResponseTypes.instanceOf(LedgerView.class)).join();
        if (ledger == null || ledger.asOf() != null) {
            return; // gone, or carried as history: nothing to remind anyone of
        }
        String organisationId = null;
        Set<String> seen = new HashSet<>();
        for (CategoryView category : ledger.categories()) {
            for (FindingView finding : category.findings()) {
                for (ItemView item : finding.items()) {
                    if (!seen.add(item.itemId())) {
                        continue; // an item serving several findings is listed once
                    }
                    List<DigestEntry> found = entries(ledger, item);
                    if (found.isEmpty()) {
                        continue;
                    }
                    if (organisationId == null) {
                        organisationId = organisationOf(rectificationId);
                    }
                    for (Recipient recipient : recipients(ledger, item)) {
                        Group group = groups.computeIfAbsent(recipient, r -> new Group());
                        group.entries.addAll(found);
                        if (group.organisationId == null) {
                            group.organisationId = organisationId;
                        }
                    }
                }
            }
        }
    }

    /** The entries an item gives on the ledger's date: overdue or due soon (the ledger's warning), close-off returned. */
    static List<DigestEntry> entries(LedgerView ledger, ItemView item) {
        List<DigestEntry> entries = new ArrayList<>();
        if (item.warningLevel() == WarningLevel.RED) {
            entries.add(entry(ledger, item, ReminderReason.OVERDUE, null));
        } else if (item.warningLevel() == WarningLevel.YELLOW) {
            entries.add(entry(ledger, item, ReminderReason.DUE_SOON, null));
        }
        List<ReviewView> reviews = item.closeOffHistory() == null ? List.of() : item.closeOffHistory();
        if (item.closeOff() == CloseOffState.NONE && !reviews.isEmpty()
                && "RETURNED".equals(reviews.get(reviews.size() - 1).action())) {
            entries.add(entry(ledger, item, ReminderReason.CLOSE_OFF_RETURNED, reviews.get(reviews.size() - 1).text()));
        }
        return entries;
    }

    private static DigestEntry entry(LedgerView ledger, ItemView item, ReminderReason reason, String returnReason) {
        return new DigestEntry(reason, ledger.rectificationId(), ledger.inspectionId(), ledger.inspectedUnit(),
                ledger.kind().word() + "整改", item.itemId(), item.ordinal(), item.title(), item.currentDueDate(),
                item.daysRemaining(), returnReason);
    }

    private static List<Recipient> recipients(LedgerView ledger, ItemView item) {
        List<Recipient> recipients = new ArrayList<>(2);
        if (item.responsibleLeaderName() != null && !item.responsibleLeaderName().isBlank()) {
            recipients.add(new Recipient(RecipientKind.LEADER, item.responsibleLeaderName().strip(), ledger.inspectedUnit()));
        }
        if (item.responsibleDepartment() != null && !item.responsibleDepartment().isBlank()) {
            recipients.add(new Recipient(RecipientKind.DEPARTMENT, item.responsibleDepartment().strip(), ledger.inspectedUnit()));
        }
        return recipients;
    }

    private String organisationOf(String rectificationId) {
        OrganisationsOf of = queries.query(new FindOrganisationsOfQuery(rectificationId),
                ResponseTypes.instanceOf(OrganisationsOf.class)).join();
        return of == null ? null : of.unitId() != null ? of.unitId() : of.groupId();
    }

    /** Issues one digest; false when it was issued already for that date. */
    private boolean issue(LocalDate date, Recipient recipient, Group group) {
        Optional<RecipientView> entry = directory.recipient(recipient.unit(), recipient.kind(), recipient.name());
        String digestId = ReminderIds.digest(date, recipient.unit(), recipient.kind(), recipient.name());
        IssueDigestCommand command = new IssueDigestCommand(digestId, date, recipient, group.organisationId,
                group.entries, entry.map(RecipientView::accounts).orElse(List.of()),
                entry.map(RecipientView::emails).orElse(List.of()));
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(command));
        } catch (RuntimeException e) {
            if (createdMeanwhile(e)) {
                return false; // another node issued it at the same moment: the event store's unique key kept one
            }
            throw e;
        }
    }

    /** Whether the digest's stream was created by another writer between our load and our append. */
    private static boolean createdMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
