package io.zhenggai.api.publication;

import java.util.List;

/**
 * What people write in a notice (edited by a publisher): the title, section 一's sub-sections (how the
 * leadership carried its responsibility), section 三's next steps and the invitation to supervise. Texts may
 * carry placeholders such as {@code {{planTitle}}} or {@code {{regulationCount}}} that are filled from the facts.
 */
public record NoticeNarrative(
        String title,
        List<Section> responsibilitySections,
        List<Section> nextSteps,
        String invitation) {

    /** A numbered sub-section: （一）title, then its text. */
    public record Section(String title, String text) {
    }
}
