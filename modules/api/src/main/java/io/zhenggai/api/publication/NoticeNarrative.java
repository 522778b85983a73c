package io.zhenggai.api.publication;

import java.util.List;

/**
 * What people write in a notice (edited by a publisher): the title, section 一's sub-sections (how the
 * leadership carried its responsibility), section 三's next steps and the invitation to supervise; the opening
 * paragraph, when the unit words it ({@code opening}, null: the standard opening generated from the facts); and the
 * headings of the three sections ({@code headings}, null: the standard ones). Texts may carry placeholders such as
 * {@code {{planTitle}}}, {@code {{inspectedUnit}}} or {@code {{feedbackDate}}} that are filled from the facts.
 */
public record NoticeNarrative(
        String title,
        List<Section> responsibilitySections,
        List<Section> nextSteps,
        String invitation,
        String opening,
        Headings headings) {

    public NoticeNarrative(String title, List<Section> responsibilitySections, List<Section> nextSteps, String invitation) {
        this(title, responsibilitySections, nextSteps, invitation, null, null);
    }

    /** A numbered sub-section: （一）title, then its text. */
    public record Section(String title, String text) {
    }

    /**
     * The headings of section 一 (responsibility), 二 (findings) and 三 (next steps), without their number: null
     * means the standard heading, an empty text leaves the heading out (the section's content still prints, and
     * the numbering 一、二、三 follows the headings that print). A section with nothing in it never prints.
     */
    public record Headings(String responsibility, String findings, String nextSteps) {
    }
}
