package io.zhenggai.reporting.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Rebuilds any state as of a past point from the events themselves (never from a stored copy): streams the
 * selected events up to the {@link Cut} in global order through a {@link HistoryFolder}.
 */
@Component
public class HistoricalReplay {

    private final EventStoreReader reader;
    private final AuditEvents events;
    private final JdbcClient jdbc;

    HistoricalReplay(EventStoreReader reader, AuditEvents events, JdbcClient jdbc) {
        this.reader = reader;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The result of a replay: the state, how many events made it, and the last of them. */
    public record Folded<S>(S state, long eventsApplied, Long lastPosition, Instant lastRecordedAt) {
    }

    public <S> Folded<S> replay(EventFilter selection, Cut cut, HistoryFolder<S> folder) {
        var acc = new Object() {
            S state = folder.initial();
            long count;
            Long lastPosition;
            Instant lastRecordedAt;
        };
        reader.stream(selection.cut(cut), 0, read -> {
            AuditEvent event = events.of(read.event());
            acc.state = folder.fold(acc.state, event);
            acc.count++;
            acc.lastPosition = event.position();
            acc.lastRecordedAt = event.recordedAt();
        });
        return new Folded<>(acc.state, acc.count, acc.lastPosition, acc.lastRecordedAt);
    }

    /** The highest position recorded at or before {@code instant} (0 when nothing was), to turn a time into a position. */
    public long positionAt(Instant instant) {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry where cast(time_stamp as timestamptz) <= :t")
                .param("t", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)).query(Long.class).single();
    }
}
