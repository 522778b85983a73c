package io.zhenggai.platform.web.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The JSON factory for request bodies: every parser it makes refuses bad text ({@link Texts}) in any string or field
 * name, whatever type it is read into (records, lists, maps, {@code JsonNode}), and reads within the given
 * {@link StreamReadConstraints} (document and string length, nesting). Used only for HTTP input, never for the
 * event store.
 */
public class InputGuardJsonFactory extends JsonFactory {

    public InputGuardJsonFactory(StreamReadConstraints constraints) {
        super();
        setStreamReadConstraints(constraints);
    }

    protected InputGuardJsonFactory(JsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new InputGuardJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new GuardedParser(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new GuardedParser(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
        return new GuardedParser(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new GuardedParser(super._createParser(data, offset, len, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new GuardedParser(super._createParser(input, ctxt));
    }
}
