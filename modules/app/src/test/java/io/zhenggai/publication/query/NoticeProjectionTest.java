package io.zhenggai.publication.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.zhenggai.api.publication.FeedbackStatus;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationQueries.*;
import io.zhenggai.app.support.ProjectionRun;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.zhenggai.publication.query.NoticeTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice projection on real PostgreSQL (giftcard's {@code CardSummaryProjectionTest} shape): its handlers are
 * called with a notice's events, and the notice query handler answers from what it wrote; a redelivery changes nothing.
 */
class NoticeProjectionTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final Instant T0 = Instant.parse("2024-07-20T02:00:00Z");
    static final String NOTICE = "notice-1";
    static final String CORRECTION = "notice-2";
    static final String TITLE = "市交通局关于巡察整改进展情况的通报";
    static final String EDITED = "市交通局关于巡察整改进展情况的通报（修改稿）";

    static ProjectionRun run;

    @BeforeAll
    static void database() {
        run = ProjectionRun.create("noticeprojection");
    }

    @AfterAll
    static void close() throws Exception {
        run.close();
    }

    NoticeProjection projection;
    NoticeQueryHandler notices;

    @BeforeEach
    void setUp() {
        projection = new NoticeProjection(run.jdbc, JSON);
        projection.reset();
        notices = new NoticeQueryHandler(run.jdbc, JSON);
    }

    /** Drafted, edited, approved and published; then feedback, one answered publicly, one privately. */
    static List<DomainEventMessage<?>> published() {
        return List.of(
                ProjectionRun.event(NOTICE, 0, T0, created(NOTICE, "h1")),
                ProjectionRun.event(NOTICE, 1, T0.plusSeconds(60), edited(NOTICE, 2, EDITED, "h2")),
                ProjectionRun.event(NOTICE, 2, T0.plusSeconds(120), approved(NOTICE, 2, "h2")),
                ProjectionRun.event(NOTICE, 3, T0.plusSeconds(180), NoticeTestData.published(NOTICE, 1, null, 2, "h2", EDITED)),
                ProjectionRun.event(NOTICE, 4, T0.plusSeconds(240), feedback(NOTICE, "fb-1", "公车管理整改是否到位？")),
                ProjectionRun.event(NOTICE, 5, T0.plusSeconds(250), feedback(NOTICE, "fb-2", "另有线索反映")),
                ProjectionRun.event(NOTICE, 6, T0.plusSeconds(300), answered(NOTICE, "fb-1", "已建立派车台账。", true)),
                ProjectionRun.event(NOTICE, 7, T0.plusSeconds(310), answered(NOTICE, "fb-2", "已转有关部门核查。", false)));
    }

    @Test
    void aDraftIsListedWithItsFactsAndItsFirstRevision() {
        assertThat(run.apply(projection, published().subList(0, 1), 10)).isEmpty();

        NoticeView view = notices.handle(new FindNoticeQuery(NOTICE));
        assertThat(view.status()).isEqualTo(NoticeStatus.DRAFT);
        assertThat(view.narrative().title()).isEqualTo(TITLE);
        assertThat(view.facts().inspectedUnit()).isEqualTo("市交通局");
        assertThat(view.facts().totals().findingsCompleted()).isEqualTo(1);
        assertThat(view.approval()).isNull();
        assertThat(view.publication()).isNull();
        assertThat(notices.handle(new FindNoticeRevisionQuery(NOTICE, 1)).contentHash()).isEqualTo("h1");
        assertThat(notices.handle(new ListNoticesQuery(INSPECTION, NoticeStatus.DRAFT, 0, 20)).items())
                .extracting(NoticeSummary::noticeId).containsExactly(NOTICE);
        assertThat(notices.handle(new ListPublicNoticesQuery()).items()).isEmpty();
    }

    @Test
    void aPublishedNoticeShowsWhoApprovedAndPublishedItAndOnlyThePublicRepliesArePublic() {
        assertThat(run.apply(projection, published(), 3)).isEmpty();

        NoticeView view = notices.handle(new FindNoticeQuery(NOTICE));
        assertThat(view.status()).isEqualTo(NoticeStatus.PUBLISHED);
        assertThat(view.narrative().title()).isEqualTo(EDITED);
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.approval().approvedBy()).isEqualTo("tester");
        assertThat(view.approval().contentHash()).isEqualTo("h2");
        assertThat(view.publication().windowStart()).isEqualTo(WINDOW_START);
        assertThat(view.publication().windowEnd()).isEqualTo(WINDOW_END);
        assertThat(view.publication().publishedBy()).isEqualTo("tester");
        assertThat(notices.handle(new FindNoticeRevisionQuery(NOTICE, 2)).narrative().title()).isEqualTo(EDITED);
        assertThat(notices.handle(new ListPublicNoticesQuery()).items()).extracting(NoticeSummary::noticeId)
                .containsExactly(NOTICE);

        FeedbackList feedback = notices.handle(new ListFeedbackQuery(NOTICE));
        assertThat(feedback.items()).extracting(FeedbackView::feedbackId).containsExactly("fb-1", "fb-2");
        assertThat(feedback.items()).extracting(FeedbackView::status).containsOnly(FeedbackStatus.ANSWERED);
        assertThat(feedback.items()).extracting(FeedbackView::handledBy).containsOnly("tester");
        assertThat(notices.handle(new ListPublicRepliesQuery(NOTICE)).items())
                .containsExactly(new PublicReply("fb-1", WINDOW_START.plusDays(3), "公车管理整改是否到位？", "已建立派车台账。"));
    }

    @Test
    void aPublishedCorrectionMarksTheNoticeItCorrects() {
        run.apply(projection, published(), 10);
        assertThat(run.apply(projection, List.of(
                ProjectionRun.event(CORRECTION, 0, T0.plusSeconds(400), correction(CORRECTION, NOTICE, "h3")),
                ProjectionRun.event(CORRECTION, 1, T0.plusSeconds(410), approved(CORRECTION, 1, "h3")),
                ProjectionRun.event(CORRECTION, 2, T0.plusSeconds(420),
                        NoticeTestData.published(CORRECTION, 2, NOTICE, 1, "h3", "更正通报"))), 10)).isEmpty();

        assertThat(notices.handle(new FindNoticeQuery(NOTICE)).correctedByNoticeId()).isEqualTo(CORRECTION);
        NoticeView correction = notices.handle(new FindNoticeQuery(CORRECTION));
        assertThat(correction.versionNumber()).isEqualTo(2);
        assertThat(correction.correctsNoticeId()).isEqualTo(NOTICE);
        assertThat(correction.correctionReason()).isEqualTo("更正整改完成数");
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        run.apply(projection, published(), 10);
        NoticeView once = notices.handle(new FindNoticeQuery(NOTICE));
        run.apply(projection, published(), 4);

        assertThat(notices.handle(new FindNoticeQuery(NOTICE))).isEqualTo(once);
        assertThat(run.rows("select revision from publication_notice_revision where notice_id = 'notice-1' order by revision"))
                .extracting(r -> r.get("revision")).containsExactly(1, 2);
        assertThat(notices.handle(new ListFeedbackQuery(NOTICE)).items()).hasSize(2);
    }
}
