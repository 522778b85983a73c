package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import static io.zhenggai.rectification.command.RectificationTestData.*;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceRulesTest {

    private static void refuses(List<Evidence> evidence, Set<String> known, String code) {
        assertThatThrownBy(() -> EvidenceRules.validate(evidence, known::contains, CLOCK))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void completeEvidenceOfEveryKindIsAccepted() {
        assertThatCode(() -> EvidenceRules.validate(List.of(document("e1"), followers("e2"), scan("e3", "c".repeat(64))),
                Set.<String>of()::contains, CLOCK)).doesNotThrowAnyException();
    }

    @Test
    void anIdTheRectificationHasOrTheListRepeatsIsRefused() {
        refuses(List.of(document("e1")), Set.of("e1"), "EVIDENCE_EXISTS");
        refuses(List.of(document("e1"), followers("e1")), Set.of(), "EVIDENCE_EXISTS");
    }

    @Test
    void eachKindMustBeComplete() {
        refuses(List.of(new Evidence("e1", EvidenceKind.TEXT, " ", null, null, null, null, null)), Set.of(),
                "EVIDENCE_INCOMPLETE");
        refuses(List.of(new Evidence("e1", EvidenceKind.MEETING, null, null, new Evidence.Meeting("部务会", null, null),
                null, null, null)), Set.of(), "EVIDENCE_INCOMPLETE");
        refuses(List.of(new Evidence("e1", EvidenceKind.FILE, "扫描件", null, null, null, null, null)), Set.of(),
                "EVIDENCE_INCOMPLETE");
    }

    @Test
    void aDateOfTheEvidenceInTheFutureIsRefused() {
        refuses(List.of(new Evidence("e1", EvidenceKind.DOCUMENT, null,
                new Evidence.Document("制度", null, TODAY.plusDays(1)), null, null, null, null)), Set.of(), "DATE_IN_FUTURE");
    }

    @Test
    void aFileIsNamedByItsLowerCaseSha256() {
        refuses(List.of(scan("e1", "C".repeat(64))), Set.of(), "EVIDENCE_FILE_INVALID");
        refuses(List.of(scan("e1", "c".repeat(63))), Set.of(), "EVIDENCE_FILE_INVALID");
    }

    @Test
    void atMostAHundredAtOnce() {
        List<Evidence> many = Collections.nCopies(EvidenceRules.MAX_EVIDENCE + 1, document("e"));
        refuses(many, Set.of(), "TOO_MUCH_EVIDENCE");
    }
}
