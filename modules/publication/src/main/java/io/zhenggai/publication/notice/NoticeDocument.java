package io.zhenggai.publication.notice;

import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;

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

    public NoticeDocument withWindow(LocalDate start, LocalDate end) {
        return new NoticeDocument(facts, narrative, settings, start, end, versionNumber, correctionReason);
    }
}
