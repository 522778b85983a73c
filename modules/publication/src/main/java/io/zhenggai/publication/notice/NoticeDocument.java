package io.zhenggai.publication.notice;

import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;

import io.zhenggai.api.publication.PublicationQueries.NoticeRevision;
import io.zhenggai.api.publication.PublicationQueries.NoticeView;

import java.time.LocalDate;

/**
 * Everything a notice is rendered from: the facts (from the ledger), the narrative and settings (written by
 * people), the window (null in a draft), and for a correction its version number and the reason.
 */
public record NoticeDocument(
        NoticeFacts facts,
        NoticeNarrative narrative,
        NoticeSettings settings,
        LocalDate windowStart,
        LocalDate windowEnd,
        int versionNumber,
        String correctionReason) {

    /** The document of a notice as stored: its current content, with its window once published. */
    public static NoticeDocument of(NoticeView v) {
        LocalDate start = v.publication() == null ? null : v.publication().windowStart();
        LocalDate end = v.publication() == null ? null : v.publication().windowEnd();
        return new NoticeDocument(v.facts(), v.narrative(), v.settings(), start, end, v.versionNumber(), v.correctionReason());
    }

    /** The document of one revision of a notice (no window: revisions are drafts). */
    public static NoticeDocument ofRevision(NoticeView v, NoticeRevision r) {
        return new NoticeDocument(r.facts(), r.narrative(), r.settings(), null, null, v.versionNumber(), v.correctionReason());
    }

    public NoticeDocument withWindow(LocalDate start, LocalDate end) {
        return new NoticeDocument(facts, narrative, settings, start, end, versionNumber, correctionReason);
    }
}
