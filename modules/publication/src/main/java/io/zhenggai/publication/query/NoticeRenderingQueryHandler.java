package io.zhenggai.publication.query;

import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.PublicationQueries.*;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.publication.compose.NoticeComposer;
import io.zhenggai.publication.compose.NoticeDefaults;
import io.zhenggai.publication.notice.NarrativeChecks;
import io.zhenggai.publication.notice.NoticeDiff;
import io.zhenggai.publication.notice.NoticeDocument;
import io.zhenggai.publication.notice.NoticeReading;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.notice.RenderedNotice;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The queries of the staff workbench that need the composer, the renderer and the checks (not the read model
 * alone): a proposed draft, the rendering of a notice with an unsaved narrative (the live preview) and the diff
 * against the previous version. Each uses the same pieces as the API's notice endpoints, so a page and the API
 * cannot disagree on a text, a check or a diff. Nothing is stored.
 */
@Component
class NoticeRenderingQueryHandler {

    private final NoticeComposer composer;
    private final QueryGateway queries;

    NoticeRenderingQueryHandler(NoticeComposer composer, QueryGateway queries) {
        this.composer = composer;
        this.queries = queries;
    }

    @QueryHandler
    NoticeDraftProposal handle(ProposeNoticeDraftQuery q) {
        NoticeComposer.Composition c = q.roundId() != null ? composer.composeRound(q.roundId(), null)
                : composer.compose(q.inspectionId(), null);
        return new NoticeDraftProposal(q.inspectionId(), c.position(), c.positionTime(), c.facts(),
                NoticeDefaults.narrative(c.facts()), NoticeDefaults.settings(c.facts()));
    }

    @QueryHandler
    RenderedNoticeView handle(RenderNoticeQuery q) {
        NoticeView v = notice(q.noticeId());
        if (q.narrative() == null && q.settings() == null) {
            return view(v.noticeId(), NoticeRenderer.render(NoticeDocument.of(v)), NoticeReading.text(v), NoticeReading.issues(v));
        }
        NoticeNarrative narrative = q.narrative() != null ? q.narrative() : v.narrative();
        NoticeSettings settings = q.settings() != null ? q.settings() : v.settings();
        RenderedNotice rendered = NoticeRenderer.render(new NoticeDocument(v.facts(), narrative, settings, null, null,
                v.versionNumber(), v.correctionReason()));
        return view(v.noticeId(), rendered, rendered.text(), NarrativeChecks.approvalIssues(v.facts(), narrative, settings));
    }

    @QueryHandler
    NoticeDiffView handle(DiffNoticeQuery q) {
        NoticeView v = notice(q.noticeId());
        if (q.from() == null && q.to() == null && v.correctsNoticeId() != null) {
            NoticeView corrected = notice(v.correctsNoticeId());
            NoticeDiff.Result diff = NoticeDiff.compare(NoticeRenderer.render(NoticeDocument.of(corrected)),
                    NoticeRenderer.render(NoticeDocument.of(v)));
            return view(v.noticeId(), "被更正的通报（第" + corrected.versionNumber() + "版）", "本通报（第" + v.versionNumber() + "版）", diff);
        }
        int to = q.to() != null ? q.to() : v.revision();
        int from = q.from() != null ? q.from() : Math.max(1, to - 1);
        NoticeRevision a = revision(v.noticeId(), from);
        NoticeRevision b = revision(v.noticeId(), to);
        NoticeDiff.Result diff = NoticeDiff.compare(NoticeRenderer.render(NoticeDocument.ofRevision(v, a)),
                NoticeRenderer.render(NoticeDocument.ofRevision(v, b)));
        return view(v.noticeId(), "第" + from + "稿", "第" + to + "稿", diff);
    }

    private NoticeView notice(String noticeId) {
        return Found.orNotFound(queries.query(new FindNoticeQuery(noticeId), NoticeView.class).join(), "notice", noticeId);
    }

    private NoticeRevision revision(String noticeId, int revision) {
        return Found.orNotFound(queries.query(new FindNoticeRevisionQuery(noticeId, revision), NoticeRevision.class).join(),
                "notice revision", noticeId + "#" + revision);
    }

    private static RenderedNoticeView view(String noticeId, RenderedNotice rendered, String text, List<NarrativeChecks.Issue> issues) {
        return new RenderedNoticeView(noticeId, text,
                rendered.sections().stream().map(s -> new RenderedSection(s.key(), s.level(), s.heading(), s.paragraphs())).toList(),
                issues.stream().map(i -> new NoticeIssue(i.code(), i.field(), i.message())).toList());
    }

    private static NoticeDiffView view(String noticeId, String fromLabel, String toLabel, NoticeDiff.Result diff) {
        return new NoticeDiffView(noticeId, fromLabel, toLabel, diff.identical(),
                diff.sections().stream().map(s -> new SectionChange(s.key(), s.change().name(), s.before(), s.after())).toList());
    }
}
