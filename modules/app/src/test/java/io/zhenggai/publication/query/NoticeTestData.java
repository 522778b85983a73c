package io.zhenggai.publication.query;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.PublicationEvents.FeedbackAnsweredEvent;
import io.zhenggai.api.publication.PublicationEvents.FeedbackSubmittedEvent;
import io.zhenggai.api.publication.PublicationEvents.NoticeApprovedEvent;
import io.zhenggai.api.publication.PublicationEvents.NoticeDraftCreatedEvent;
import io.zhenggai.api.publication.PublicationEvents.NoticeDraftEditedEvent;
import io.zhenggai.api.publication.PublicationEvents.NoticePublishedEvent;
import io.zhenggai.api.publication.RateStyle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Notice facts and the events of one notice's life, as the {@code Notice} aggregate records them, for read-model tests. */
final class NoticeTestData {

    static final String INSPECTION = "insp-1";
    static final Instant POSITION_TIME = Instant.parse("2024-06-10T08:00:00Z");
    static final LocalDate WINDOW_START = LocalDate.of(2024, 8, 1);
    static final LocalDate WINDOW_END = LocalDate.of(2024, 8, 31);

    private NoticeTestData() {
    }

    /** The facts of an inspection whose opinions were fed back, with two findings of which one is completed. */
    static NoticeFacts facts() {
        NoticeFacts.Totals totals = new NoticeFacts.Totals(2, 1, 0, 1, 0, 0, 0, 0, 2, 1, 0, 1, 0, 0, 3,
                new BigDecimal("50"), new BigDecimal("50"));
        return new NoticeFacts(INSPECTION, "rect-1", "市委第二巡察组", "市交通局", "市委统一部署", List.of("中国共产党巡视工作条例"),
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 6, 5), null, null, List.of(),
                List.of(), List.of(), new NoticeFacts.Regulations(0, 0, 0, List.of()), List.of(), List.of(), totals,
                InspectionKind.XUNCHA, null, null);
    }

    static NoticeNarrative narrative(String title) {
        return new NoticeNarrative(title, List.of(), List.of(), null);
    }

    static NoticeSettings settings() {
        return new NoticeSettings("市交通局", LocalDate.of(2024, 8, 1), null, NoticeSettings.PROACTIVE_DISCLOSURE, null,
                NoticeSettings.Blocks.none(), List.of(), RateStyle.WHOLE_PERCENT, NoticeSettings.Layout.PROBLEMS, null);
    }

    static NoticeDraftCreatedEvent created(String noticeId, String hash) {
        return new NoticeDraftCreatedEvent(noticeId, INSPECTION, 1, null, null, 1, 120, POSITION_TIME, facts(),
                narrative("市交通局关于巡察整改进展情况的通报"), settings(), hash);
    }

    static NoticeDraftCreatedEvent correction(String noticeId, String correctsNoticeId, String hash) {
        return new NoticeDraftCreatedEvent(noticeId, INSPECTION, 2, correctsNoticeId, "更正整改完成数", 1, 130, POSITION_TIME,
                facts(), narrative("市交通局关于巡察整改进展情况的通报（更正）"), settings(), hash);
    }

    static NoticeDraftEditedEvent edited(String noticeId, int revision, String title, String hash) {
        return new NoticeDraftEditedEvent(noticeId, revision, narrative(title), settings(), hash, false);
    }

    static NoticeApprovedEvent approved(String noticeId, int revision, String hash) {
        return new NoticeApprovedEvent(noticeId, revision, hash, 120, "同意发布");
    }

    static NoticePublishedEvent published(String noticeId, int versionNumber, String correctsNoticeId, int revision, String hash,
                                          String title) {
        return new NoticePublishedEvent(noticeId, INSPECTION, versionNumber, correctsNoticeId, revision, hash, 120, title,
                "市交通局", WINDOW_START, WINDOW_END, false, title + "\n正文", "0".repeat(64));
    }

    static FeedbackSubmittedEvent feedback(String noticeId, String feedbackId, String text) {
        return new FeedbackSubmittedEvent(noticeId, INSPECTION, feedbackId, WINDOW_START.plusDays(3), text, "张三", "13800000000");
    }

    static FeedbackAnsweredEvent answered(String noticeId, String feedbackId, String answer, boolean publicReply) {
        return new FeedbackAnsweredEvent(noticeId, feedbackId, answer, publicReply);
    }
}
