package io.zhenggai.publication.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.publication.FeedbackStatus;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationQueries.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Answers the publication queries from the read model. Personal data of feedback only in {@link ListFeedbackQuery}. */
@Component
class NoticeQueryHandler {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    /** The columns of a summary: the row and the round of a round notice. */
    private static final String SUMMARY_COLUMNS = "*, facts -> 'round' ->> 'roundId' as round_id";

    NoticeQueryHandler(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    NoticeView handle(FindNoticeQuery q) {
        return jdbc.sql("select * from publication_notice where notice_id = :id").param("id", q.noticeId())
                .query((rs, n) -> view(rs)).optional().orElse(null);
    }

    @QueryHandler
    NoticeRevision handle(FindNoticeRevisionQuery q) {
        return jdbc.sql("select * from publication_notice_revision where notice_id = :id and revision = :revision")
                .param("id", q.noticeId()).param("revision", q.revision())
                .query((rs, n) -> new NoticeRevision(rs.getString("notice_id"), rs.getInt("revision"), rs.getLong("position"),
                        instant(rs, "position_time"), rs.getString("content_hash"), read(rs.getString("facts"), NoticeFacts.class),
                        read(rs.getString("narrative"), NoticeNarrative.class), read(rs.getString("settings"), NoticeSettings.class)))
                .optional().orElse(null);
    }

    @QueryHandler
    NoticePage handle(ListNoticesQuery q) {
        // a round notice's round is in its facts (indexed, V420)
        String where = " where (cast(:inspection as varchar) is null or inspection_id = :inspection)"
                + " and (cast(:round as varchar) is null or facts -> 'round' ->> 'roundId' = :round)"
                + " and (cast(:status as varchar) is null or status = :status)";
        String status = q.status() == null ? null : q.status().name();
        long total = jdbc.sql("select count(*) from publication_notice" + where)
                .param("inspection", q.inspectionId()).param("round", q.roundId()).param("status", status)
                .query(Long.class).single();
        List<NoticeSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS + " from publication_notice" + where
                        + " order by created_at desc, notice_id limit :size offset :offset")
                .param("inspection", q.inspectionId()).param("round", q.roundId()).param("status", status)
                .param("size", q.size()).param("offset", (long) q.page() * q.size())
                .query((rs, n) -> summary(rs)).list();
        return new NoticePage(items, q.page(), q.size(), total);
    }

    @QueryHandler
    NoticeList handle(ListPublicNoticesQuery q) {
        return new NoticeList(jdbc.sql("""
                        select %s from publication_notice where status in ('PUBLISHED', 'CLOSED')
                        order by window_start desc nulls last, published_at desc, notice_id""".formatted(SUMMARY_COLUMNS))
                .query((rs, n) -> summary(rs)).list());
    }

    @QueryHandler
    FeedbackList handle(ListFeedbackQuery q) {
        return new FeedbackList(q.noticeId(), jdbc.sql("""
                        select * from publication_feedback where notice_id = :id order by submitted_at, feedback_id""")
                .param("id", q.noticeId())
                .query((rs, n) -> {
                    FeedbackStatus status = FeedbackStatus.valueOf(rs.getString("status"));
                    return new FeedbackView(rs.getString("feedback_id"), rs.getString("notice_id"),
                            rs.getObject("submitted_on", LocalDate.class), instant(rs, "submitted_at"), rs.getString("text"),
                            rs.getString("name"), rs.getString("contact"), status, status.label(), rs.getString("note"),
                            rs.getString("answer"), rs.getBoolean("public_reply"), rs.getString("handled_by"),
                            instant(rs, "handled_at"), rs.getString("escalated_title"));
                }).list());
    }

    @QueryHandler
    PublicReplies handle(ListPublicRepliesQuery q) {
        return new PublicReplies(q.noticeId(), jdbc.sql("""
                        select feedback_id, submitted_on, text, answer from publication_feedback
                        where notice_id = :id and public_reply and answer is not null order by submitted_at, feedback_id""")
                .param("id", q.noticeId())
                .query((rs, n) -> new PublicReply(rs.getString("feedback_id"), rs.getObject("submitted_on", LocalDate.class),
                        rs.getString("text"), rs.getString("answer")))
                .list());
    }

    private NoticeView view(ResultSet rs) throws SQLException {
        NoticeStatus status = NoticeStatus.valueOf(rs.getString("status"));
        Publication publication = rs.getObject("published_revision") == null ? null : new Publication(
                rs.getInt("published_revision"), rs.getObject("window_start", LocalDate.class),
                rs.getObject("window_end", LocalDate.class), rs.getBoolean("historical"), rs.getString("published_by"),
                instant(rs, "published_at"), instant(rs, "closed_at"), rs.getString("close_reason"),
                rs.getString("published_text"), rs.getString("published_text_sha256"));
        String approval = rs.getString("approval");
        return new NoticeView(rs.getString("notice_id"), rs.getString("inspection_id"), rs.getInt("version_number"),
                rs.getString("corrects_notice_id"), rs.getString("correction_reason"), rs.getString("corrected_by_notice_id"),
                status, status.label(), rs.getInt("revision"), rs.getLong("position"), instant(rs, "position_time"),
                rs.getString("content_hash"), read(rs.getString("facts"), NoticeFacts.class),
                read(rs.getString("narrative"), NoticeNarrative.class), read(rs.getString("settings"), NoticeSettings.class),
                approval == null ? null : read(approval, Approval.class), publication, rs.getString("withdrawal_reason"),
                rs.getLong("last_seq"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static NoticeSummary summary(ResultSet rs) throws SQLException {
        NoticeStatus status = NoticeStatus.valueOf(rs.getString("status"));
        return new NoticeSummary(rs.getString("notice_id"), rs.getString("inspection_id"), rs.getString("title"),
                rs.getString("publishing_unit"), rs.getInt("version_number"), rs.getString("corrects_notice_id"),
                rs.getString("corrected_by_notice_id"), status, status.label(), rs.getObject("window_start", LocalDate.class),
                rs.getObject("window_end", LocalDate.class), rs.getBoolean("historical"), instant(rs, "published_at"),
                rs.getLong("last_seq"), rs.getString("round_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
