package io.zhenggai.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a command: a small JSON body naming the resource ({@code idName: id}), its new version (when the
 * command answered one) and any further entries, with the version as ETag — as 200 ({@link #ok()}) or as 201 with
 * a Location ({@link #created(String)}).
 */
public final class Answers {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Long version;

    private Answers(String idName, String id, Object version) {
        body.put(idName, id);
        this.version = version instanceof Number n ? n.longValue() : null;
        if (this.version != null) {
            body.put("version", this.version);
        }
    }

    /** The answer naming {@code idName: id} at {@code version} (a command's return value; no version when it is none). */
    public static Answers of(String idName, String id, Object version) {
        return new Answers(idName, id, version);
    }

    /** One more entry of the body, after the id and the version. */
    public Answers with(String name, Object value) {
        body.put(name, value);
        return this;
    }

    public ResponseEntity<Map<String, Object>> ok() {
        return tagged(ResponseEntity.ok());
    }

    public ResponseEntity<Map<String, Object>> created(String location) {
        return tagged(ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location)));
    }

    private ResponseEntity<Map<String, Object>> tagged(ResponseEntity.BodyBuilder builder) {
        if (version != null) {
            builder.eTag(Versions.etag(version));
        }
        return builder.body(body);
    }
}
