package io.zhenggai.publication.notice;

import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationQueries.NoticeView;

import java.util.List;

/**
 * How a stored notice reads to staff: its text (the published text once published, else rendered from its content)
 * and what blocks its approval (nothing once it is public or withdrawn). The API's notice and the workbench's
 * rendering query both read it here.
 */
public final class NoticeReading {
    private NoticeReading() {
    }

    public static String text(NoticeView v) {
        return v.publication() != null ? v.publication().text() : NoticeRenderer.render(NoticeDocument.of(v)).text();
    }

    public static List<NarrativeChecks.Issue> issues(NoticeView v) {
        return v.status().isPublic() || v.status() == NoticeStatus.WITHDRAWN ? List.of()
                : NarrativeChecks.approvalIssues(v.facts(), v.narrative(), v.settings());
    }
}
