package io.zhenggai.app.web;

import io.zhenggai.api.rectification.RectificationCommands.ExtendDeadlineCommand;
import jakarta.validation.Validation;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A command refused for its shape on the command bus (ADR 0046) answers 400 naming each field of the command. */
class CommandShapeProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/rectifications/x/items/i1/extensions");

    private static JSR303ViolationException refused() {
        ExtendDeadlineCommand noApprover = new ExtendDeadlineCommand("rect-x", "i1", LocalDate.of(2024, 6, 30),
                LocalDate.of(2024, 3, 1), "理由", " ", null);
        return new JSR303ViolationException(Validation.buildDefaultValidatorFactory().getValidator().validate(noApprover));
    }

    @Test
    void aCommandRefusedForItsShapeIs400NamingTheField() {
        ResponseEntity<ProblemDetail> answer = advice.commandShape(refused(), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "VALIDATION_FAILED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getBody().getProperties().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("approver");
        assertThat(answer.getBody().getDetail()).contains("approver");
    }

    @Test
    void aRefusalWrappedByAnAsynchronousSendIsAnsweredTheSameWay() throws Exception {
        ResponseEntity<ProblemDetail> answer = advice.wrapped(new CompletionException(refused()), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getDetail()).contains("approver");
    }
}
