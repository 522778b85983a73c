package io.zhenggai.reminders.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.reminders.DigestEntry;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderEvents.DigestIssuedEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderReadEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderRecipientSetEvent;
import io.zhenggai.api.reminders.ReminderQueries.*;
import io.zhenggai.reminders.DigestTexts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read side of the reminders context: the inbox of every account (a row per digest and account it landed in),
 * the recipient directory, and the runs of the digest job. Writes are idempotent (keyed by account and digest, by
 * directory entry), so a replay rebuilds the same rows; the runs table is the job's own log and is not replayed.
 */
@Component
@ProcessingGroup(ReminderProjection.GROUP)
public class ReminderProjection {

    public static final String GROUP = "reminders-projection";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DigestEntry>> ENTRIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReminderProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DigestIssuedEvent e, @Timestamp Instant at) {
        String entries = write(e.entries());
        for (String account : e.accounts()) {
            jdbc.sql("""
                            insert into reminders_inbox (username, digest_id, business_date, recipient_kind, recipient_name,
                                                         unit, entries, issued_at)
                            values (:u, :d, :date, :kind, :name, :unit, :entries, :at) on conflict do nothing""")
                    .param("u", account).param("d", e.digestId()).param("date", e.businessDate())
                    .param("kind", e.recipient().kind().name()).param("name", e.recipient().name())
                    .param("unit", e.recipient().unit()).param("entries", entries).param("at", java.sql.Timestamp.from(at)).update();
        }
    }

    @EventHandler
    void on(ReminderReadEvent e, @Timestamp Instant at) {
        jdbc.sql("update reminders_inbox set read_at = :at where username = :u and digest_id = :d and read_at is null")
                .param("at", java.sql.Timestamp.from(at)).param("u", e.username()).param("d", e.digestId()).update();
    }

    @EventHandler
    void on(ReminderRecipientSetEvent e, @SequenceNumber long seq) {
        jdbc.sql("""
                        insert into reminders_recipient (recipient_id, unit, kind, name, accounts, emails, version)
                        values (:id, :unit, :kind, :name, :accounts, :emails, :seq)
                        on conflict (recipient_id) do update set accounts = excluded.accounts, emails = excluded.emails,
                            version = excluded.version where reminders_recipient.version < excluded.version""")
                .param("id", e.recipientId()).param("unit", e.unit()).param("kind", e.kind().name()).param("name", e.name())
                .param("accounts", write(e.accounts())).param("emails", write(e.emails())).param("seq", seq).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from reminders_inbox").update();
        jdbc.sql("delete from reminders_recipient").update();
    }

    @QueryHandler
    Inbox handle(ListInboxQuery q) {
        String where = " where username = :u" + (q.unreadOnly() ? " and read_at is null" : "");
        long total = jdbc.sql("select count(*) from reminders_inbox" + where).param("u", q.username()).query(Long.class).single();
        long unread = jdbc.sql("select count(*) from reminders_inbox where username = :u and read_at is null")
                .param("u", q.username()).query(Long.class).single();
        List<InboxEntry> items = jdbc.sql("select * from reminders_inbox" + where
                        + " order by issued_at desc, digest_id limit :limit offset :offset")
                .param("u", q.username()).param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query((rs, n) -> entry(rs)).list();
        return new Inbox(q.username(), items, unread, q.page(), q.size(), total);
    }

    @QueryHandler
    InboxEntry handle(FindInboxEntryQuery q) {
        return jdbc.sql("select * from reminders_inbox where username = :u and digest_id = :d")
                .param("u", q.username()).param("d", q.digestId()).query((rs, n) -> entry(rs)).optional().orElse(null);
    }

    @QueryHandler
    RecipientList handle(ListRecipientsQuery q) {
        return new RecipientList(jdbc.sql("select * from reminders_recipient order by unit, kind, name")
                .query((rs, n) -> recipient(rs)).list());
    }

    @QueryHandler
    DigestRuns handle(ListDigestRunsQuery q) {
        return new DigestRuns(jdbc.sql("select * from reminders_digest_run order by started_at desc, run_id limit :n")
                .param("n", Math.max(1, Math.min(q.limit(), 100)))
                .query((rs, n) -> new DigestRunView(rs.getString("run_id"), rs.getObject("business_date", java.time.LocalDate.class),
                        rs.getString("trigger"), rs.getString("node"), rs.getTimestamp("started_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("finished_at")).map(java.sql.Timestamp::toInstant).orElse(null),
                        rs.getInt("issued"), rs.getInt("already_issued"), rs.getInt("entries"), rs.getString("error")))
                .list());
    }

    /** The directory entry of a recipient, if one is set. */
    public Optional<RecipientView> recipient(String unit, RecipientKind kind, String name) {
        return jdbc.sql("select * from reminders_recipient where unit = :unit and kind = :kind and name = :name")
                .param("unit", unit).param("kind", kind.name()).param("name", name).query((rs, n) -> recipient(rs)).optional();
    }

    private RecipientView recipient(ResultSet rs) throws SQLException {
        RecipientKind kind = RecipientKind.valueOf(rs.getString("kind"));
        return new RecipientView(rs.getString("recipient_id"), rs.getString("unit"), kind, kind.label(), rs.getString("name"),
                read(rs.getString("accounts"), STRINGS), read(rs.getString("emails"), STRINGS), rs.getLong("version"));
    }

    private InboxEntry entry(ResultSet rs) throws SQLException {
        RecipientKind kind = RecipientKind.valueOf(rs.getString("recipient_kind"));
        List<DigestEntry> entries = read(rs.getString("entries"), ENTRIES);
        String name = rs.getString("recipient_name");
        java.time.LocalDate date = rs.getObject("business_date", java.time.LocalDate.class);
        return new InboxEntry(rs.getString("digest_id"), date, kind, kind.label(), name, rs.getString("unit"),
                DigestTexts.title(date, kind, name, entries),
                entries.stream().map(x -> new DigestEntryView(x, x.reason().label())).toList(),
                rs.getTimestamp("issued_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("read_at")).map(java.sql.Timestamp::toInstant).orElse(null));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
