package io.zhenggai.rectification.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationCommands.RecordSupplementaryFindingCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverViolationCommand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The parking place of {@link EscalationPolicy}: escalations that could not reach a ledger yet
 * (table {@code rectification_unmatched_escalation}), each with the command to send once the rectification opens.
 */
@Component
public class UnmatchedEscalations {

    /** A parked escalation and the command it waits to send. */
    public record Parked(FindingSource source, String sourceId, String inspectionId, Object command) {
    }

    private static final List<Class<?>> PARKABLE = List.of(TakeOverViolationCommand.class,
            RecordSupplementaryFindingCommand.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public UnmatchedEscalations(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Parks an escalation (once per source and source id; a later park of the same one updates the reason).
     * {@code command} is what to send when the rectification of {@code inspectionId} opens; null when nothing can be
     * sent (no inspection named).
     */
    public void park(FindingSource source, String sourceId, String inspectionId, String title, String reason, Object command) {
        jdbc.sql("""
                        insert into rectification_unmatched_escalation (source, source_id, inspection_id, title, reason,
                            command_type, command, received_at)
                        values (:source, :sourceId, :inspection, :title, :reason, :type, cast(:command as jsonb), :at)
                        on conflict (source, source_id) do update set reason = excluded.reason""")
                .param("source", source.name()).param("sourceId", sourceId).param("inspection", inspectionId)
                .param("title", cut(title, 600)).param("reason", cut(reason, 1000))
                .param("type", command == null ? null : command.getClass().getName())
                .param("command", command == null ? null : write(command))
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** The escalations parked for an inspection, oldest first. */
    public List<Parked> forInspection(String inspectionId) {
        return jdbc.sql("""
                        select source, source_id, inspection_id, command_type, command::text as command
                        from rectification_unmatched_escalation where inspection_id = :inspection and command is not null
                        order by received_at""")
                .param("inspection", inspectionId)
                .query((rs, n) -> new Parked(FindingSource.valueOf(rs.getString("source")), rs.getString("source_id"),
                        rs.getString("inspection_id"), read(rs.getString("command_type"), rs.getString("command"))))
                .list();
    }

    public void remove(FindingSource source, String sourceId) {
        jdbc.sql("delete from rectification_unmatched_escalation where source = :source and source_id = :sourceId")
                .param("source", source.name()).param("sourceId", sourceId).update();
    }

    private String write(Object command) {
        try {
            return json.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(String type, String command) {
        Class<?> kind = PARKABLE.stream().filter(c -> c.getName().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("not a parkable command: " + type));
        try {
            return json.readValue(command, kind);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable parked escalation command " + type, e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
