package io.zhenggai.workbench.notice;

import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.workbench.Forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compose form of a notice read into a narrative and settings: the fields are named as the consistency checks
 * name them ({@code title}, {@code responsibilitySections[0].text} …), so a message lands next to its field. The
 * settings the form does not show (contacts, blocks, layout …) stay as they are.
 */
final class NoticeForms {
    private NoticeForms() {
    }

    /** Sections shown beyond the ones written, to add one. */
    static final int SPARE_SECTIONS = 1;
    static final int MAX_SECTIONS = 30;

    static NoticeNarrative narrative(Map<String, String> values, NoticeNarrative current) {
        return new NoticeNarrative(text(values, "title"), sections(values, "responsibilitySections"),
                sections(values, "nextSteps"), text(values, "invitation"), text(values, "opening"),
                current == null ? null : current.headings());
    }

    static NoticeSettings settings(Forms form, NoticeSettings s) {
        String unit = form.text("publishingUnit");
        LocalDate written = form.date("dateWritten", "成文日期", false);
        return new NoticeSettings(unit, written, s.indexNumber(), s.disclosure(), s.contacts(), s.blocks(),
                s.untitledItemIds(), s.rateStyle(), s.layout(), s.vocabulary());
    }

    private static List<NoticeNarrative.Section> sections(Map<String, String> values, String name) {
        List<NoticeNarrative.Section> out = new ArrayList<>();
        for (int i = 0; i < MAX_SECTIONS; i++) {
            String title = text(values, name + "[" + i + "].title");
            String text = text(values, name + "[" + i + "].text");
            if (title != null || text != null) {
                out.add(new NoticeNarrative.Section(title, text));
            }
        }
        return out;
    }

    private static String text(Map<String, String> values, String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The sections of a narrative with spare empty ones, for the form. */
    static List<NoticeNarrative.Section> withSpare(List<NoticeNarrative.Section> sections) {
        List<NoticeNarrative.Section> out = new ArrayList<>(sections == null ? List.of() : sections);
        for (int i = 0; i < SPARE_SECTIONS; i++) {
            out.add(new NoticeNarrative.Section(null, null));
        }
        return out;
    }
}
