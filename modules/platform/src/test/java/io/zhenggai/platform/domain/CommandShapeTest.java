package io.zhenggai.platform.domain;

import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CommandShapeTest {

    record SampleCommand(@NotBlank String title, @NotNull LocalDate date, @NotBlank String reason) {
    }

    private static JSR303ViolationException refused(Object command) {
        return new JSR303ViolationException(Validation.buildDefaultValidatorFactory().getValidator().validate(command));
    }

    @Test
    void namesEveryFieldAtFaultInAStableOrderWithTheValueRefused() {
        var violations = CommandShape.violations(refused(new SampleCommand(" ", null, "理由")));

        assertThat(violations).extracting(CommandShape.FieldViolation::field).containsExactly("date", "title");
        assertThat(violations).extracting(CommandShape.FieldViolation::rejected).containsExactly(null, " ");
    }

    @Test
    void describesTheViolationsInOneLine() {
        String text = CommandShape.describe(refused(new SampleCommand("标题", LocalDate.of(2024, 1, 1), "")));

        assertThat(text).startsWith("reason：").doesNotContain("；");
    }
}
