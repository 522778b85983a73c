package io.zhenggai.publication.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.publication.FeedbackStatus;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationEvents.*;
import io.zhenggai.api.publication.PublicationQueries.Approval;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.Instant;

/**
 * Builds the publication read model (tables {@code publication_notice}, {@code publication_notice_revision},
 * {@code publication_feedback}). Idempotent: the notice row remembers the sequence number of the last event
 * applied, and an event at or below it is skipped, so a redelivered event or a replay never applies twice.
 */
@Component
@ProcessingGroup(NoticeProjection.GROUP)
public class NoticeProjection {

    /** The processing group of the publication read model (what commands wait for, see ReadYourWrites). */
    public static final String GROUP = "publication-projection";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NoticeProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(NoticeDraftCreatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        int inserted = jdbc.sql("""
                        insert into publication_notice (notice_id, inspection_id, version_number, corrects_notice_id, correction_reason,
                            status, title, publishing_unit, revision, position, position_time, content_hash, facts, narrative, settings,
                            last_seq, created_at, updated_at)
                        values (:id, :inspection, :version, :corrects, :reason, 'DRAFT', :title, :unit, :revision, :position, :ptime,
                            :hash, cast(:facts as jsonb), cast(:narrative as jsonb), cast(:settings as jsonb), :seq, :at, :at)
                        on conflict (notice_id) do nothing""")
                .param("id", e.noticeId()).param("inspection", e.inspectionId()).param("version", e.versionNumber())
                .param("corrects", e.correctsNoticeId()).param("reason", e.correctionReason())
                .param("title", e.narrative().title()).param("unit", e.settings().publishingUnit())
                .param("revision", e.revision()).param("position", e.position()).param("ptime", ts(e.positionTime()), Types.TIMESTAMP)
                .param("hash", e.contentHash()).param("facts", write(e.facts())).param("narrative", write(e.narrative()))
                .param("settings", write(e.settings())).param("seq", seq).param("at", ts(at))
                .update();
        if (inserted > 0) {
            revision(e.noticeId(), e.revision(), e.position(), e.positionTime(), e.contentHash(), write(e.facts()),
                    write(e.narrative()), write(e.settings()), at);
        }
    }

    @EventHandler
    void on(NoticeDraftRecomposedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("""
                            update publication_notice set status = 'DRAFT', approval = null, revision = :revision, position = :position,
                                position_time = :ptime, content_hash = :hash, facts = cast(:facts as jsonb)
                            where notice_id = :id""")
                    .param("id", e.noticeId()).param("revision", e.revision()).param("position", e.position())
                    .param("ptime", ts(e.positionTime()), Types.TIMESTAMP).param("hash", e.contentHash()).param("facts", write(e.facts()))
                    .update();
            jdbc.sql("""
                            insert into publication_notice_revision (notice_id, revision, position, position_time, content_hash, facts,
                                narrative, settings, recorded_at)
                            select notice_id, :revision, :position, :ptime, :hash, cast(:facts as jsonb), narrative, settings, :at
                            from publication_notice where notice_id = :id
                            on conflict do nothing""")
                    .param("id", e.noticeId()).param("revision", e.revision()).param("position", e.position())
                    .param("ptime", ts(e.positionTime()), Types.TIMESTAMP).param("hash", e.contentHash())
                    .param("facts", write(e.facts())).param("at", ts(at))
                    .update();
        }
    }

    @EventHandler
    void on(NoticeDraftEditedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("""
                            update publication_notice set status = 'DRAFT', approval = null, revision = :revision, content_hash = :hash,
                                narrative = cast(:narrative as jsonb), settings = cast(:settings as jsonb), title = :title, publishing_unit = :unit
                            where notice_id = :id""")
                    .param("id", e.noticeId()).param("revision", e.revision()).param("hash", e.contentHash())
                    .param("narrative", write(e.narrative())).param("settings", write(e.settings()))
                    .param("title", e.narrative().title()).param("unit", e.settings().publishingUnit())
                    .update();
            jdbc.sql("""
                            insert into publication_notice_revision (notice_id, revision, position, position_time, content_hash, facts,
                                narrative, settings, recorded_at)
                            select notice_id, :revision, position, position_time, :hash, facts, cast(:narrative as jsonb),
                                cast(:settings as jsonb), :at
                            from publication_notice where notice_id = :id
                            on conflict do nothing""")
                    .param("id", e.noticeId()).param("revision", e.revision()).param("hash", e.contentHash())
                    .param("narrative", write(e.narrative())).param("settings", write(e.settings())).param("at", ts(at))
                    .update();
        }
    }

    @EventHandler
    void on(NoticeApprovedEvent e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue(MetadataKeys.USER) String user) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("update publication_notice set status = 'APPROVED', approval = cast(:approval as jsonb) where notice_id = :id")
                    .param("id", e.noticeId())
                    .param("approval", write(new Approval(e.revision(), e.contentHash(), e.position(), user, at, e.comment())))
                    .update();
        }
    }

    @EventHandler
    void on(NoticePublishedEvent e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue(MetadataKeys.USER) String user) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("""
                            update publication_notice set status = 'PUBLISHED', title = :title, publishing_unit = :unit,
                                window_start = :start, window_end = :end, historical = :historical, published_revision = :revision,
                                published_by = :user, published_at = :at, published_text = :text, published_text_sha256 = :sha
                            where notice_id = :id""")
                    .param("id", e.noticeId()).param("title", e.title()).param("unit", e.publishingUnit())
                    .param("start", e.windowStart()).param("end", e.windowEnd()).param("historical", e.historical())
                    .param("revision", e.revision()).param("user", user).param("at", ts(at)).param("text", e.text())
                    .param("sha", e.textSha256())
                    .update();
            if (e.correctsNoticeId() != null) {
                jdbc.sql("update publication_notice set corrected_by_notice_id = :by where notice_id = :id")
                        .param("id", e.correctsNoticeId()).param("by", e.noticeId()).update();
            }
        }
    }

    @EventHandler
    void on(NoticeClosedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("update publication_notice set status = 'CLOSED', closed_at = :at, close_reason = :reason where notice_id = :id")
                    .param("id", e.noticeId()).param("at", ts(at)).param("reason", e.reason()).update();
        }
    }

    @EventHandler
    void on(NoticeWithdrawnEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("update publication_notice set status = :status, withdrawal_reason = :reason where notice_id = :id")
                    .param("id", e.noticeId()).param("status", NoticeStatus.WITHDRAWN.name()).param("reason", e.reason()).update();
        }
    }

    @EventHandler
    void on(FeedbackSubmittedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("""
                            insert into publication_feedback (notice_id, feedback_id, submitted_on, submitted_at, text, name, contact, status)
                            values (:notice, :id, :on, :at, :text, :name, :contact, :status)
                            on conflict do nothing""")
                    .param("notice", e.noticeId()).param("id", e.feedbackId()).param("on", e.submittedOn()).param("at", ts(at))
                    .param("text", e.text()).param("name", e.name()).param("contact", e.contact())
                    .param("status", FeedbackStatus.RECEIVED.name())
                    .update();
        }
    }

    @EventHandler
    void on(FeedbackAcknowledgedEvent e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue(MetadataKeys.USER) String user) {
        if (advance(e.noticeId(), seq, at)) {
            handled(e.noticeId(), e.feedbackId(), user, at, "status = 'ACKNOWLEDGED', note = :note", e.note(), null);
        }
    }

    @EventHandler
    void on(FeedbackAnsweredEvent e, @SequenceNumber long seq, @Timestamp Instant at, @MetaDataValue(MetadataKeys.USER) String user) {
        if (advance(e.noticeId(), seq, at)) {
            jdbc.sql("""
                            update publication_feedback set answer = :answer, public_reply = :public,
                                status = case when status = 'ESCALATED' then status else 'ANSWERED' end, handled_by = :user, handled_at = :at
                            where notice_id = :notice and feedback_id = :id""")
                    .param("notice", e.noticeId()).param("id", e.feedbackId()).param("answer", e.answer())
                    .param("public", e.publicReply()).param("user", user).param("at", ts(at))
                    .update();
        }
    }

    @EventHandler
    void on(FeedbackEscalatedToFindingEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        if (advance(e.noticeId(), seq, at)) {
            handled(e.noticeId(), e.feedbackId(), user, at, "status = 'ESCALATED', note = coalesce(:note, note), escalated_title = :title",
                    e.note(), e.title());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from publication_feedback").update();
        jdbc.sql("delete from publication_notice_revision").update();
        jdbc.sql("delete from publication_notice").update();
    }

    private void handled(String noticeId, String feedbackId, String user, Instant at, String set, String note, String title) {
        jdbc.sql("update publication_feedback set " + set + ", handled_by = :user, handled_at = :at "
                        + "where notice_id = :notice and feedback_id = :id")
                .param("notice", noticeId).param("id", feedbackId).param("user", user).param("at", ts(at))
                .param("note", note).param("title", title)
                .update();
    }

    /** Moves the notice's row to {@code seq}; false when the event was applied already. */
    private boolean advance(String noticeId, long seq, Instant at) {
        return jdbc.sql("update publication_notice set last_seq = :seq, updated_at = :at where notice_id = :id and last_seq < :seq")
                .param("id", noticeId).param("seq", seq).param("at", ts(at))
                .update() > 0;
    }

    private void revision(String noticeId, int revision, long position, Instant positionTime, String hash, String facts,
                          String narrative, String settings, Instant at) {
        jdbc.sql("""
                        insert into publication_notice_revision (notice_id, revision, position, position_time, content_hash, facts,
                            narrative, settings, recorded_at)
                        values (:id, :revision, :position, :ptime, :hash, cast(:facts as jsonb), cast(:narrative as jsonb),
                            cast(:settings as jsonb), :at)
                        on conflict do nothing""")
                .param("id", noticeId).param("revision", revision).param("position", position)
                .param("ptime", ts(positionTime), Types.TIMESTAMP).param("hash", hash).param("facts", facts)
                .param("narrative", narrative).param("settings", settings).param("at", ts(at))
                .update();
    }

    private static java.sql.Timestamp ts(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
