package io.zhenggai.platform.domain;

import org.axonframework.messaging.interceptors.JSR303ViolationException;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command refused for its shape: the Bean Validation constraints of its record (ADR 0046), checked by Axon's
 * {@code BeanValidationInterceptor} before dispatch. One field per violation, named by its path in the command
 * ({@code title}, {@code evidence[0].evidenceId}), in a stable order; the HTTP answer (400) and the policies that log a
 * refusal read it from here.
 */
public final class CommandShape {

    /** A field at fault, why (the constraint's message) and the value refused. */
    public record FieldViolation(String field, String message, Object rejected) {
    }

    private CommandShape() {
    }

    public static List<FieldViolation> violations(JSR303ViolationException e) {
        return e.getViolations().stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
    }

    /** The violations in one line, e.g. {@code title：不能为空；reason：不能为空}. */
    public static String describe(JSR303ViolationException e) {
        return violations(e).stream().map(v -> v.field() + "：" + v.message()).collect(Collectors.joining("；"));
    }
}
