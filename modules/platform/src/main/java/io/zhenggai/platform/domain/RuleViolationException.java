package io.zhenggai.platform.domain;

/**
 * A command broke a domain rule. Thrown by aggregates before any event is applied, so a refused command
 * leaves no event. {@code code} is a stable English code for programs; the message is the rule in words
 * (zh-CN) for people.
 */
public class RuleViolationException extends RuntimeException {

    /** INVALID: the command contradicts a rule on its own (HTTP 422). CONFLICT: it conflicts with the current state (409). */
    public enum Kind { INVALID, CONFLICT }

    private final String code;
    private final Kind kind;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public RuleViolationException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static RuleViolationException invalid(String code, String message) {
        return new RuleViolationException(Kind.INVALID, code, message);
    }

    public static RuleViolationException conflict(String code, String message) {
        return new RuleViolationException(Kind.CONFLICT, code, message);
    }

    /** Refuses with {@link Kind#INVALID} unless the condition holds. */
    public static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw invalid(code, message);
        }
    }

    /** Refuses with {@link Kind#CONFLICT} unless the condition holds. */
    public static void requireState(boolean condition, String code, String message) {
        if (!condition) {
            throw conflict(code, message);
        }
    }

    /**
     * Adds a property to the refusal that the problem detail carries beside {@code code} and {@code detail}, e.g. the
     * list of bad cells of an import ({@code errors}); names of the problem's own members are not allowed.
     */
    public RuleViolationException with(String name, Object value) {
        if (java.util.Set.of("type", "title", "status", "detail", "instance", "code").contains(name)) {
            throw new IllegalArgumentException("reserved problem member: " + name);
        }
        properties.put(name, value);
        return this;
    }

    /** The properties added with {@link #with}, in order. */
    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a business refusal, not a bug: no stack trace needed
    }
}
