package io.zhenggai.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * A parser that refuses, as it reads them, every string value and field name that breaks {@link Texts}. Every way of
 * advancing ({@code nextFieldName}, {@code nextTextValue}, … of {@link JsonParser}) goes through {@link #nextToken()}.
 */
final class GuardedParser extends JsonParserDelegate {

    GuardedParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
            String text = token == JsonToken.FIELD_NAME ? delegate.currentName() : delegate.getText();
            String violation = Texts.violation(text);
            if (violation != null) {
                throw RejectedInputException.at(delegate, Texts.CODE, violation);
            }
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }
}
