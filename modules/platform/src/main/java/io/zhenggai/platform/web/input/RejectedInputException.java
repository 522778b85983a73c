package io.zhenggai.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.RequestPayload;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A value in a JSON body that is refused while it is read (a text with NUL, a date out of bounds): it names the
 * field by its JSON path ({@code findings[2].title}), a stable {@code code} and the reason in words (zh-CN).
 */
public class RejectedInputException extends StreamReadException {

    private final String field;
    private final String code;
    private final String reason;

    public RejectedInputException(JsonParser parser, String field, String code, String reason) {
        super(parser, field + "：" + reason);
        this.field = field;
        this.code = code;
        this.reason = reason;
    }

    /** Refuses the value the parser stands on, naming it by the parser's position. */
    static RejectedInputException at(JsonParser parser, String code, String reason) {
        return new RejectedInputException(parser, path(parser.getParsingContext()), code, reason);
    }

    @Override
    public RejectedInputException withRequestPayload(RequestPayload payload) {
        return this; // the payload is never echoed back
    }

    @Override
    public RejectedInputException withParser(JsonParser parser) {
        return this;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The JSON path of a parser position: {@code findings[2].title}; {@code $} for the document itself. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + Texts.printable(c.getCurrentName()));
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
    }
}
