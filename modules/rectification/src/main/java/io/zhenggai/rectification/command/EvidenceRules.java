package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.platform.domain.BusinessDates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.zhenggai.platform.domain.RuleViolationException.require;

/**
 * The rules of the evidence recorded with progress (pure): at most {@link #MAX_EVIDENCE} at once; each with an id new
 * to the rectification (that each has an id and a kind is the command's shape, ADR 0046); each kind complete (a text says something, a document has a title, a meeting a
 * title and a date, an organisation a name, a figure a metric and a value, a file its file); no date of it in the
 * future; a file named by its SHA-256 (64 lower-case hex digits) with a size.
 */
final class EvidenceRules {

    static final int MAX_EVIDENCE = 100;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private EvidenceRules() {
    }

    /** Refuses the list unless every rule holds; {@code known} tells the evidence ids the rectification already has. */
    static void validate(List<Evidence> list, Predicate<String> known, Clock clock) {
        require(list.size() <= MAX_EVIDENCE, "TOO_MUCH_EVIDENCE", "一次最多记录" + MAX_EVIDENCE + "项佐证材料");
        Set<String> ids = new HashSet<>();
        for (Evidence e : list) {
            require(ids.add(e.evidenceId()) && !known.test(e.evidenceId()), "EVIDENCE_EXISTS",
                    "佐证材料编号重复：" + e.evidenceId());
            requireComplete(e, clock);
            if (e.file() != null) {
                require(e.file().sha256() != null && SHA256.matcher(e.file().sha256()).matches(), "EVIDENCE_FILE_INVALID",
                        "附件的 SHA-256 必须是64位小写十六进制");
                require(e.file().size() >= 0, "EVIDENCE_FILE_INVALID", "附件大小不正确");
            }
        }
    }

    private static void requireComplete(Evidence e, Clock clock) {
        switch (e.kind()) {
            case TEXT -> require(present(e.description()), "EVIDENCE_INCOMPLETE", "文字说明不能为空");
            case DOCUMENT -> {
                require(e.document() != null && present(e.document().title()), "EVIDENCE_INCOMPLETE",
                        "印发文件必须写明文件名称");
                notInFuture(e.document().date(), clock, "文件印发日期");
            }
            case MEETING -> {
                require(e.meeting() != null && present(e.meeting().title()) && e.meeting().date() != null,
                        "EVIDENCE_INCOMPLETE", "会议佐证必须写明会议名称和日期");
                notInFuture(e.meeting().date(), clock, "会议日期");
            }
            case ORGANISATION -> {
                require(e.organisation() != null && present(e.organisation().name()), "EVIDENCE_INCOMPLETE",
                        "成立组织必须写明组织名称");
                notInFuture(e.organisation().date(), clock, "成立日期");
            }
            case FIGURE -> {
                require(e.figure() != null && present(e.figure().metric()) && e.figure().value() != null,
                        "EVIDENCE_INCOMPLETE", "数据指标必须写明指标名称和数值");
                notInFuture(e.figure().asOf(), clock, "数据日期");
            }
            case FILE -> require(e.file() != null, "EVIDENCE_INCOMPLETE", "附件佐证必须有文件");
        }
    }

    private static void notInFuture(LocalDate date, Clock clock, String what) {
        if (date != null) {
            BusinessDates.requireNotInFuture(date, clock, what);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
