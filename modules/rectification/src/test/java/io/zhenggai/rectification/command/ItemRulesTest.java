package io.zhenggai.rectification.command;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.platform.domain.RuleViolationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static io.zhenggai.rectification.command.RectificationTestData.FEEDBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemRulesTest {

    private static void refuses(ThrowingCallable rule, String code) {
        assertThatThrownBy(rule).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aTimeBoundItemHasADueDateAndAnOngoingOneNone() {
        refuses(() -> ItemRules.requireKindAndDue(ItemKind.TIME_BOUND, null, FEEDBACK, InspectionKind.XUNCHA), "DUE_DATE_REQUIRED");
        refuses(() -> ItemRules.requireKindAndDue(ItemKind.ONGOING, FEEDBACK, FEEDBACK, InspectionKind.XUNCHA),
                "ONGOING_HAS_NO_DUE_DATE");
        assertThatCode(() -> ItemRules.requireKindAndDue(ItemKind.IMMEDIATE, null, FEEDBACK, InspectionKind.XUNCHA))
                .doesNotThrowAnyException();
    }

    @Test
    void noDueDateBeforeTheFeedbackInTheWordsOfTheInspectionsKind() {
        assertThatThrownBy(() -> ItemRules.requireKindAndDue(ItemKind.TIME_BOUND, FEEDBACK.minusDays(1), FEEDBACK,
                InspectionKind.XUNSHI))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains(InspectionKind.XUNSHI.feedback()));
        assertThatCode(() -> ItemRules.requireKindAndDue(ItemKind.TIME_BOUND, FEEDBACK, null, InspectionKind.XUNCHA))
                .doesNotThrowAnyException();
    }

    @Test
    void anOngoingItemIsNeverCompletedAndOnlyAnOngoingOneEstablishesALongTermMechanism() {
        refuses(() -> ItemRules.requireStatusFits(ItemKind.ONGOING, ItemStatus.COMPLETED), "ONGOING_NEVER_COMPLETED");
        refuses(() -> ItemRules.requireStatusFits(ItemKind.TIME_BOUND, ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED),
                "LONG_TERM_ONLY_FOR_ONGOING");
        assertThatCode(() -> ItemRules.requireStatusFits(ItemKind.ONGOING, ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED))
                .doesNotThrowAnyException();
    }
}
