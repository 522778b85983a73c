package io.zhenggai.publication.command;

import io.zhenggai.platform.digest.Sha256;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.FeedbackStatus;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationCommands.*;
import io.zhenggai.api.publication.PublicationEvents.*;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.publication.notice.ContentHash;
import io.zhenggai.publication.notice.NarrativeChecks;
import io.zhenggai.publication.notice.NoticeDocument;
import io.zhenggai.publication.notice.NoticeRenderer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static io.zhenggai.platform.text.Blanks.strippedOrNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 通报. A draft composed from the ledger as of a position; its narrative and settings are edited by people, its
 * facts only by composing again. Draft → approved (the exact content, by hash) → published for a window → closed
 * at the window's end by a persistent deadline (it stays public; only feedback stops). Any change after approval
 * voids the approval; a published notice never changes: a correction is a new notice naming the one it corrects.
 * Feedback is taken only while the window is open. Command handlers return the new version (the HTTP ETag).
 */
@Aggregate
class Notice {

    static final String WINDOW_DEADLINE = "notice-window";
    static final int MAX_FEEDBACK_LENGTH = 2000;

    @AggregateIdentifier
    private String noticeId;
    private String inspectionId;
    private int versionNumber;
    private String correctsNoticeId;
    private String correctionReason;
    private String correctedByNoticeId;
    private NoticeStatus status;
    private int revision;
    private long position;
    private NoticeFacts facts;
    private NoticeNarrative narrative;
    private NoticeSettings settings;
    private String contentHash;
    private String approvedHash;
    private LocalDate windowStart;
    private LocalDate windowEnd;
    private final Map<String, Feedback> feedback = new HashMap<>();

    /** What the notice remembers of a feedback: its text (no personal data), date and where it stands. */
    private record Feedback(String text, LocalDate submittedOn, FeedbackStatus status, boolean answered) {
        Feedback with(FeedbackStatus newStatus) {
            return new Feedback(text, submittedOn, newStatus, answered);
        }

        Feedback answer() {
            return new Feedback(text, submittedOn, status == FeedbackStatus.ESCALATED ? status : FeedbackStatus.ANSWERED, true);
        }
    }

    protected Notice() {
        // required by Axon
    }

    @CommandHandler
    Notice(CreateNoticeDraftCommand cmd) {
        InspectionKind kind = cmd.facts().kind();
        requireState(cmd.facts().feedbackDate() != null, "FEEDBACK_NOT_DELIVERED",
                kind.group() + "尚未反馈" + kind.opinions() + "，不能编制整改进展情况通报");
        require(sameSubject(cmd.inspectionId(), cmd.facts()), "FACTS_MISMATCH", "台账数据与所指" + kind.word() + "不符");
        boolean correction = cmd.correctsNoticeId() != null;
        if (correction) {
            require(present(cmd.correctionReason()), "CORRECTION_REASON_REQUIRED", "更正通报必须说明更正的内容和理由");
            require(cmd.correctsVersionNumber() != null && cmd.correctsVersionNumber() >= 1, "CORRECTS_VERSION_REQUIRED",
                    "必须指明所更正通报的版本号");
        }
        requireKnownPlaceholders(cmd.narrative());
        String hash = ContentHash.of(cmd.facts(), cmd.narrative(), cmd.settings());
        apply(new NoticeDraftCreatedEvent(cmd.noticeId(), cmd.inspectionId(), correction ? cmd.correctsVersionNumber() + 1 : 1,
                cmd.correctsNoticeId(), correction ? cmd.correctionReason().strip() : null, 1, cmd.position(),
                cmd.positionTime(), cmd.facts(), cmd.narrative(), cmd.settings(), hash));
    }

    /**
     * A correction is drafted through the notice it corrects, so that the notice decides once: two corrections sent
     * at the same time are handled one after the other on this aggregate, and the second is refused.
     */
    @CommandHandler
    Long handle(CorrectNoticeCommand cmd) throws Exception {
        requireState(status.isPublic(), "NOTICE_NOT_PUBLISHED", "只能更正已发布的通报（该通报" + status.label() + "）");
        requireState(correctedByNoticeId == null, "ALREADY_CORRECTED", "该通报已被更正，请更正最新版本：" + correctedByNoticeId);
        CreateNoticeDraftCommand draft = new CreateNoticeDraftCommand(cmd.correctionNoticeId(), inspectionId, cmd.position(),
                cmd.positionTime(), cmd.facts(), narrative, settings, noticeId, versionNumber, cmd.reason());
        createNew(Notice.class, () -> new Notice(draft));
        apply(new NoticeCorrectionDraftedEvent(noticeId, cmd.correctionNoticeId(), versionNumber + 1, cmd.reason().strip()));
        return getVersion();
    }

    @CommandHandler
    Long handle(RecomposeNoticeDraftCommand cmd) {
        requireEditable();
        require(sameSubject(inspectionId, cmd.facts())
                        && (!facts.ofRound() || facts.round().roundId().equals(cmd.facts().round().roundId())), "FACTS_MISMATCH",
                "台账数据与通报所指" + facts.kind().word() + "不符");
        String hash = ContentHash.of(cmd.facts(), narrative, settings);
        if (hash.equals(contentHash) && cmd.position() == position) {
            return getVersion(); // the same content from the same position: nothing happened
        }
        apply(new NoticeDraftRecomposedEvent(noticeId, revision + 1, cmd.position(), cmd.positionTime(), cmd.facts(), hash,
                status == NoticeStatus.APPROVED));
        return getVersion();
    }

    @CommandHandler
    Long handle(EditNoticeDraftCommand cmd) {
        requireEditable();
        NoticeNarrative newNarrative = cmd.narrative() != null ? cmd.narrative() : narrative;
        NoticeSettings newSettings = cmd.settings() != null ? cmd.settings() : settings;
        requireKnownPlaceholders(newNarrative);
        String hash = ContentHash.of(facts, newNarrative, newSettings);
        if (hash.equals(contentHash)) {
            return getVersion(); // nothing changed
        }
        apply(new NoticeDraftEditedEvent(noticeId, revision + 1, newNarrative, newSettings, hash,
                status == NoticeStatus.APPROVED));
        return getVersion();
    }

    @CommandHandler
    Long handle(ApproveNoticeCommand cmd) {
        requireState(status != NoticeStatus.APPROVED, "ALREADY_APPROVED", "该通报已审核通过");
        requireEditable();
        requireState(contentHash.equals(cmd.contentHash()), "CONTENT_CHANGED",
                "通报内容已变化（当前内容摘要 " + contentHash + "），请重新查看后再审核");
        List<NarrativeChecks.Issue> issues = NarrativeChecks.approvalIssues(facts, narrative, settings);
        require(issues.isEmpty(), "NOTICE_NOT_READY", "通报尚不能审核通过：" + issues.stream()
                .map(i -> i.field() + "：" + i.message()).collect(Collectors.joining("；")));
        apply(new NoticeApprovedEvent(noticeId, revision, contentHash, position, strippedOrNull(cmd.comment())));
        return getVersion();
    }

    @CommandHandler
    Long handle(PublishNoticeCommand cmd, DeadlineManager deadlines, Clock clock) {
        requireNotPublished();
        requireState(status == NoticeStatus.APPROVED && contentHash.equals(approvedHash), "NOT_APPROVED",
                "通报须经单位负责人审核通过后才能发布");
        require(cmd.windowEnd().isAfter(cmd.windowStart()), "WINDOW_INVALID",
                "公开期限的结束日期（" + cmd.windowEnd() + "）必须晚于开始日期（" + cmd.windowStart() + "）");
        LocalDate today = LocalDate.now(clock);
        if (cmd.historical()) {
            require(!cmd.windowStart().isAfter(today), "HISTORICAL_WINDOW_IN_FUTURE",
                    "补录的历史通报，公开期限开始日期（" + cmd.windowStart() + "）不能晚于今天");
        } else {
            require(!cmd.windowStart().isBefore(today), "WINDOW_START_IN_PAST",
                    "公开期限开始日期（" + cmd.windowStart() + "）早于今天；如为补录历史通报，请注明 historical");
        }
        NoticeDocument doc = new NoticeDocument(facts, narrative, settings, cmd.windowStart(), cmd.windowEnd(), versionNumber,
                correctionReason);
        var rendered = NoticeRenderer.render(doc);
        String text = rendered.text();
        apply(new NoticePublishedEvent(noticeId, inspectionId, versionNumber, correctsNoticeId, revision, contentHash, position,
                rendered.title(), settings.publishingUnit(), cmd.windowStart(), cmd.windowEnd(), cmd.historical(), text,
                Sha256.hex(text)));
        if (cmd.windowEnd().isBefore(today)) {
            apply(new NoticeClosedEvent(noticeId, cmd.windowEnd(), "HISTORICAL"));
        } else {
            deadlines.schedule(closingInstant(cmd.windowEnd(), clock), WINDOW_DEADLINE,
                    new GenericMessage<>(new NoticeWindowDeadline(noticeId, cmd.windowEnd()),
                            MetaData.with(MetadataKeys.USER, MetadataKeys.SYSTEM_USER)));
        }
        return getVersion();
    }

    /** The window ended: the notice closes (stays public; feedback stops). Recorded by the system. */
    @DeadlineHandler
    void on(NoticeWindowDeadline deadline, MetaData metaData, @MessageIdentifier String deadlineMessageId) {
        if (status != NoticeStatus.PUBLISHED || !deadline.windowEnd().equals(windowEnd)) {
            return;
        }
        Object correlation = metaData.get(MetadataKeys.CORRELATION_ID);
        apply(new NoticeClosedEvent(noticeId, windowEnd, "WINDOW_ENDED"),
                MetaData.with(MetadataKeys.USER, MetadataKeys.SYSTEM_USER)
                        .and(MetadataKeys.COMMAND_NAME, NoticeWindowDeadline.class.getSimpleName())
                        .and(MetadataKeys.CAUSATION_ID, deadlineMessageId)
                        .and(MetadataKeys.CORRELATION_ID, correlation != null ? correlation : deadlineMessageId));
    }

    @CommandHandler
    Long handle(WithdrawNoticeCommand cmd, DeadlineManager deadlines) {
        requireState(status != NoticeStatus.WITHDRAWN, "ALREADY_WITHDRAWN", "该通报已撤回");
        if (status == NoticeStatus.PUBLISHED) {
            deadlines.cancelAllWithinScope(WINDOW_DEADLINE);
        }
        apply(new NoticeWithdrawnEvent(noticeId, status, cmd.reason().strip()));
        return getVersion();
    }

    // ---------------------------------------------------------------- public feedback

    @CommandHandler
    Long handle(SubmitFeedbackCommand cmd, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        requireState(status != NoticeStatus.WITHDRAWN, "NOTICE_WITHDRAWN", "该通报已撤回，不再接受意见建议");
        requireState(status == NoticeStatus.PUBLISHED || status == NoticeStatus.CLOSED, "NOTICE_NOT_PUBLISHED",
                "该通报尚未发布");
        requireState(!today.isBefore(windowStart), "FEEDBACK_WINDOW_NOT_STARTED",
                "公开期限自" + windowStart + "开始，届时方可提交意见建议");
        requireState(status == NoticeStatus.PUBLISHED && !today.isAfter(windowEnd), "FEEDBACK_WINDOW_CLOSED",
                "公开期限已于" + windowEnd + "结束，不再接受意见建议；如有意见，请通过通报所列联系方式反映");
        requireState(!feedback.containsKey(cmd.feedbackId()), "FEEDBACK_EXISTS", "意见已存在：" + cmd.feedbackId());
        require(cmd.text().strip().length() <= MAX_FEEDBACK_LENGTH, "FEEDBACK_TOO_LONG",
                "意见建议内容不能超过" + MAX_FEEDBACK_LENGTH + "字");
        apply(new FeedbackSubmittedEvent(noticeId, inspectionId, cmd.feedbackId(), today, cmd.text().strip(),
                strippedOrNull(cmd.name()), strippedOrNull(cmd.contact())));
        return getVersion();
    }

    @CommandHandler
    Long handle(AcknowledgeFeedbackCommand cmd) {
        FeedbackStatus s = feedback(cmd.feedbackId()).status();
        requireState(s == FeedbackStatus.RECEIVED, "FEEDBACK_ALREADY_HANDLED", "该意见已" + s.label());
        apply(new FeedbackAcknowledgedEvent(noticeId, cmd.feedbackId(), strippedOrNull(cmd.note())));
        return getVersion();
    }

    @CommandHandler
    Long handle(AnswerFeedbackCommand cmd) {
        requireState(!feedback(cmd.feedbackId()).answered(), "FEEDBACK_ALREADY_ANSWERED", "该意见已答复");
        apply(new FeedbackAnsweredEvent(noticeId, cmd.feedbackId(), cmd.answer().strip(), cmd.publicReply()));
        return getVersion();
    }

    @CommandHandler
    Long handle(EscalateFeedbackCommand cmd) {
        Feedback f = feedback(cmd.feedbackId());
        requireState(inspectionId != null, "ROUND_NOTICE_NOT_ESCALATABLE",
                "轮次通报不属于某一单位的整改，意见建议不能直接转为整改问题，请转交相关单位在其整改中处理");
        requireState(f.status() != FeedbackStatus.ESCALATED, "FEEDBACK_ALREADY_ESCALATED", "该意见已转为整改问题");
        apply(new FeedbackEscalatedToFindingEvent(noticeId, cmd.feedbackId(), inspectionId,
                RectificationIds.forInspection(inspectionId), cmd.title().strip(), f.text(), strippedOrNull(cmd.categoryId()),
                f.submittedOn(), strippedOrNull(cmd.note())));
        return getVersion();
    }

    // ---------------------------------------------------------------- event sourcing

    @EventSourcingHandler
    void on(NoticeDraftCreatedEvent e) {
        noticeId = e.noticeId();
        inspectionId = e.inspectionId();
        versionNumber = e.versionNumber();
        correctsNoticeId = e.correctsNoticeId();
        correctionReason = e.correctionReason();
        status = NoticeStatus.DRAFT;
        revision = e.revision();
        position = e.position();
        facts = e.facts();
        narrative = e.narrative();
        settings = e.settings();
        contentHash = e.contentHash();
    }

    @EventSourcingHandler
    void on(NoticeCorrectionDraftedEvent e) {
        correctedByNoticeId = e.correctionNoticeId();
    }

    @EventSourcingHandler
    void on(NoticeDraftRecomposedEvent e) {
        revision = e.revision();
        position = e.position();
        facts = e.facts();
        contentHash = e.contentHash();
        status = NoticeStatus.DRAFT;
        approvedHash = null;
    }

    @EventSourcingHandler
    void on(NoticeDraftEditedEvent e) {
        revision = e.revision();
        narrative = e.narrative();
        settings = e.settings();
        contentHash = e.contentHash();
        status = NoticeStatus.DRAFT;
        approvedHash = null;
    }

    @EventSourcingHandler
    void on(NoticeApprovedEvent e) {
        status = NoticeStatus.APPROVED;
        approvedHash = e.contentHash();
    }

    @EventSourcingHandler
    void on(NoticePublishedEvent e) {
        status = NoticeStatus.PUBLISHED;
        windowStart = e.windowStart();
        windowEnd = e.windowEnd();
    }

    @EventSourcingHandler
    void on(NoticeClosedEvent e) {
        status = NoticeStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(NoticeWithdrawnEvent e) {
        status = NoticeStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(FeedbackSubmittedEvent e) {
        feedback.put(e.feedbackId(), new Feedback(e.text(), e.submittedOn(), FeedbackStatus.RECEIVED, false));
    }

    @EventSourcingHandler
    void on(FeedbackAcknowledgedEvent e) {
        feedback.computeIfPresent(e.feedbackId(), (k, f) -> f.with(FeedbackStatus.ACKNOWLEDGED));
    }

    @EventSourcingHandler
    void on(FeedbackAnsweredEvent e) {
        feedback.computeIfPresent(e.feedbackId(), (k, f) -> f.answer());
    }

    @EventSourcingHandler
    void on(FeedbackEscalatedToFindingEvent e) {
        feedback.computeIfPresent(e.feedbackId(), (k, f) -> f.with(FeedbackStatus.ESCALATED));
    }

    // ---------------------------------------------------------------- rules

    /** The instant a window ending on {@code windowEnd} is over: the start of the next day in the clock's zone. */
    static Instant closingInstant(LocalDate windowEnd, Clock clock) {
        return windowEnd.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /**
     * The facts are those of the notice's subject: of inspection {@code inspectionId}, or — a round notice (ADR 0026),
     * {@code inspectionId} null — of a round.
     */
    private static boolean sameSubject(String inspectionId, NoticeFacts facts) {
        return facts.ofRound() ? inspectionId == null && facts.round().roundId() != null
                : inspectionId != null && inspectionId.equals(facts.inspectionId());
    }

    private void requireEditable() {
        requireNotPublished();
        requireState(status == NoticeStatus.DRAFT || status == NoticeStatus.APPROVED, "NOTICE_NOT_EDITABLE",
                "该通报" + status.label() + "，不能修改");
    }

    private void requireNotPublished() {
        requireState(status != NoticeStatus.WITHDRAWN, "NOTICE_WITHDRAWN", "该通报已撤回");
        requireState(!status.isPublic(), "NOTICE_PUBLISHED",
                "已发布的通报不能修改；如需更正，请编制更正版本（新版本将注明所更正的通报）");
    }

    private static void requireKnownPlaceholders(NoticeNarrative narrative) {
        List<NarrativeChecks.Issue> unknown = NarrativeChecks.unknownPlaceholders(narrative);
        require(unknown.isEmpty(), "UNKNOWN_PLACEHOLDER", unknown.stream().map(i -> i.field() + "：" + i.message())
                .collect(Collectors.joining("；")));
    }

    private Feedback feedback(String feedbackId) {
        Feedback s = feedback.get(feedbackId);
        if (s == null) {
            throw new NotFoundException("feedback", feedbackId);
        }
        return s;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
