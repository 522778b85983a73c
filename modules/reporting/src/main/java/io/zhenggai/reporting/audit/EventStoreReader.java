package io.zhenggai.reporting.audit;

import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code domain_event_entry} directly with JDBC: the event table is the record. Pages use keyset paging on
 * the global index; {@link #stream} reads through a server-side cursor (autocommit off, fetch size
 * {@value #FETCH_SIZE}) so that any number of events passes through constant memory.
 */
@Component
public class EventStoreReader {

    static final int FETCH_SIZE = 500;

    /** The metadata as jsonb (Axon's Jackson serializer stores it as a JSON object in bytea). */
    static final String META = "(convert_from(e.meta_data, 'UTF8')::jsonb)";

    private static final String SELECT = "select " + StoredEvent.COLUMNS
            + ", c.hash as chain_hash, c.prev_hash as chain_prev_hash"
            + " from domain_event_entry e left join audit_chain c on c.position = e.global_index";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    private final ScopeVisibility visibility;

    EventStoreReader(DataSource dataSource, PlatformTransactionManager transactions, ObjectProvider<ScopeVisibility> visibility) {
        this.visibility = ScopeVisibility.of(visibility);
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An event as read, with its chain link when it has been chained already. */
    public record ReadEvent(StoredEvent event, String chainHash, String chainPrevHash) {
    }

    /** Receives events one by one; may throw I/O errors (it usually writes to a response). */
    @FunctionalInterface
    public interface Sink {
        void accept(ReadEvent event) throws IOException;
    }

    /** At most {@code limit} events after position {@code after}, in global order. */
    public List<ReadEvent> page(EventFilter filter, long after, int limit) {
        Where where = where(filter, after);
        return jdbc.query(SELECT + where.sql + " order by e.global_index limit " + limit,
                (rs, n) -> readEvent(rs), where.args.toArray());
    }

    /** Every matching event after {@code after}, in global order, through a cursor. */
    public void stream(EventFilter filter, long after, Sink sink) {
        Where where = where(filter, after);
        readOnly.executeWithoutResult(status -> jdbc.query(SELECT + where.sql + " order by e.global_index", rs -> {
            try {
                sink.accept(readEvent(rs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, where.args.toArray()));
    }

    /**
     * The events of a causal chain in global order: those whose {@code correlationId} is the given id, plus every
     * event whose chain of {@code causationId}s leads to the given id or to an event of the set.
     */
    public List<ReadEvent> correlated(String correlationId) {
        String sql = """
                with recursive caused(event_identifier) as (
                    select e.event_identifier from domain_event_entry e
                     where %1$s ->> 'correlationId' = ? or %1$s ->> 'causationId' = ? or e.event_identifier = ?
                  union
                    select e.event_identifier from domain_event_entry e
                      join caused c on %1$s ->> 'causationId' = c.event_identifier
                )
                """.formatted(META)
                + SELECT + " where e.event_identifier in (select event_identifier from caused) order by e.global_index";
        Visibility seen = visibility.current();
        return jdbc.query(sql, (rs, n) -> readEvent(rs), correlationId, correlationId, correlationId).stream()
                .filter(r -> seen.sees(r.event().aggregateIdentifier())).toList();
    }

    /** The highest global index stored (0 when the store is empty). */
    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private static ReadEvent readEvent(ResultSet rs) throws SQLException {
        return new ReadEvent(StoredEvent.read(rs), rs.getString("chain_hash"), rs.getString("chain_prev_hash"));
    }

    private record Where(String sql, List<Object> args) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The filter's conditions, and only the events of aggregates the caller may see (ADR 0031). */
    private Where where(EventFilter f, long after) {
        StringBuilder sql = new StringBuilder(" where e.global_index > ?");
        List<Object> args = new ArrayList<>();
        args.add(after);
        Visibility seen = visibility.current();
        if (!seen.all()) {
            sql.append(" and ").append(Visibility.predicate("e.aggregate_identifier"));
            args.addAll(List.of(seen.args()));
        }
        if (f.aggregateId() != null) {
            sql.append(" and e.aggregate_identifier = ?");
            args.add(f.aggregateId());
        }
        if (f.aggregateType() != null) {
            sql.append(" and e.type = ?");
            args.add(f.aggregateType());
        }
        if (f.type() != null) {
            sql.append(" and (e.payload_type = ? or e.payload_type like ? escape '!' or e.payload_type like ? escape '!')");
            String escaped = f.type().replace("!", "!!").replace("%", "!%").replace("_", "!_");
            args.add(f.type());
            args.add("%$" + escaped);
            args.add("%." + escaped);
        }
        if (f.userId() != null) {
            sql.append(" and ").append(META).append(" ->> 'userId' = ?");
            args.add(f.userId());
        }
        if (f.correlationId() != null) {
            sql.append(" and ").append(META).append(" ->> 'correlationId' = ?");
            args.add(f.correlationId());
        }
        if (f.from() != null) {
            sql.append(" and cast(e.time_stamp as timestamptz) >= ?");
            args.add(utc(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and cast(e.time_stamp as timestamptz) < ?");
            args.add(utc(f.to()));
        }
        if (f.asOf() != null) {
            sql.append(" and cast(e.time_stamp as timestamptz) <= ?");
            args.add(utc(f.asOf()));
        }
        if (f.upToPosition() != null) {
            sql.append(" and e.global_index <= ?");
            args.add(f.upToPosition());
        }
        return new Where(sql.toString(), args);
    }
}
