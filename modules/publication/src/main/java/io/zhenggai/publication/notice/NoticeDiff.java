package io.zhenggai.publication.notice;

import io.zhenggai.publication.notice.RenderedNotice.Section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares two renderings of a notice section by section (by section key, in the order of the newer one). */
public final class NoticeDiff {
    private NoticeDiff() {
    }

    public enum Change { UNCHANGED, CHANGED, ADDED, REMOVED }

    public record SectionDiff(String key, Change change, String before, String after) {
    }

    public record Result(boolean identical, int changed, int added, int removed, List<SectionDiff> sections) {
    }

    public static Result compare(RenderedNotice before, RenderedNotice after) {
        Map<String, String> old = byKey(before);
        Map<String, String> now = byKey(after);
        List<SectionDiff> out = new ArrayList<>();
        int changed = 0;
        int added = 0;
        int removed = 0;
        for (Map.Entry<String, String> e : now.entrySet()) {
            String was = old.get(e.getKey());
            if (was == null) {
                out.add(new SectionDiff(e.getKey(), Change.ADDED, null, e.getValue()));
                added++;
            } else if (Objects.equals(was, e.getValue())) {
                out.add(new SectionDiff(e.getKey(), Change.UNCHANGED, was, e.getValue()));
            } else {
                out.add(new SectionDiff(e.getKey(), Change.CHANGED, was, e.getValue()));
                changed++;
            }
        }
        for (Map.Entry<String, String> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.add(new SectionDiff(e.getKey(), Change.REMOVED, e.getValue(), null));
                removed++;
            }
        }
        return new Result(changed + added + removed == 0, changed, added, removed, List.copyOf(out));
    }

    private static Map<String, String> byKey(RenderedNotice notice) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Section s : notice.sections()) {
            List<String> parts = new ArrayList<>();
            if (s.heading() != null) {
                parts.add(s.heading());
            }
            parts.addAll(s.paragraphs());
            map.put(s.key(), String.join("\n\n", parts));
        }
        return map;
    }
}
