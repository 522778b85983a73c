package io.zhenggai.platform.web;

import io.zhenggai.platform.domain.RuleViolationException;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP side of optimistic concurrency: the ETag of a resource is its aggregate's version
 * (the sequence number of its last event); a command sent with {@code If-Match} of an older version gets 409.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Parses an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent or {@code *}. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw RuleViolationException.invalid("IF_MATCH_INVALID", "If-Match 必须是资源的版本号（ETag），收到：" + ifMatch);
        }
    }

    /** 200 with the new version as ETag and a small JSON body naming the resource and its version. */
    public static ResponseEntity<Map<String, Object>> ok(String idName, String id, Object version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(idName, id);
        var builder = ResponseEntity.ok();
        if (version instanceof Number n) {
            body.put("version", n.longValue());
            builder.eTag(etag(n.longValue()));
        }
        return builder.body(body);
    }
}
