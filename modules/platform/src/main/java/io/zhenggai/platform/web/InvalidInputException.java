package io.zhenggai.platform.web;

/**
 * A request parameter, path variable, header or body field cannot be accepted as sent (HTTP 400): it names the
 * field at fault, a stable English {@code code} and the reason in words (zh-CN). Thrown at the edge, before any
 * command is sent, so a refused request leaves no event.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidInputException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a refusal of input, not a bug
    }
}
