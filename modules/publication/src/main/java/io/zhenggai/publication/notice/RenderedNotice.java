package io.zhenggai.publication.notice;

import java.util.ArrayList;
import java.util.List;

/**
 * A notice as a sequence of sections, each with an optional heading and its paragraphs, in reading order. The
 * plain text and the HTML page are both written from it, so they always carry the same numbering.
 * {@code key} identifies a section across versions (for the diff): {@code title}, {@code opening}, {@code 1},
 * {@code 1.2}, {@code 2}, {@code 2.1}, {@code 2.1.3} (category 1, item 3), {@code 3}, {@code closing}, {@code signature}.
 * {@code level}: 1 the title, 2 一、, 3 （一）, 4 1., 0 a block without heading.
 */
public record RenderedNotice(List<Section> sections) {

    public record Section(String key, int level, String heading, List<String> paragraphs) {
    }

    public String title() {
        return sections.isEmpty() ? "" : sections.get(0).heading();
    }

    /** The paragraphs in reading order, headings included. */
    public List<String> paragraphs() {
        List<String> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.heading() != null) {
                out.add(s.heading());
            }
            out.addAll(s.paragraphs());
        }
        return out;
    }

    /** Plain text as the notice reads: one paragraph per line, paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs()) + "\n";
    }
}
