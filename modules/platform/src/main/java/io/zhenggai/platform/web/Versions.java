package io.zhenggai.platform.web;

import io.zhenggai.platform.web.input.Texts;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of optimistic concurrency: the ETag of a resource is its aggregate's version
 * (the sequence number of its last event); a command sent with {@code If-Match} of an older version gets 409.
 */
public final class Versions {

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([0-9]{1,18})\"");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Parses an {@code If-Match} header: an entity tag as RFC 9110 writes it ({@code "3"} or {@code W/"3"}); null when
     * absent or {@code *}. Anything else — {@code 3} without quotes, a list, a non-number — is refused (400), never
     * read as some version.
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher m = ENTITY_TAG.matcher(ifMatch.trim());
        if (m.matches()) {
            try {
                return Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                // too many digits: refused below
            }
        }
        throw new InvalidInputException("If-Match", "IF_MATCH_INVALID",
                "If-Match 必须是带引号的版本号（ETag），如 \"3\"，收到：" + Texts.printable(ifMatch));
    }

    /** 200 with {@code body} and the version as ETag (a read of a versioned resource). */
    public static <T> ResponseEntity<T> tagged(T body, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    /** 201 with {@code body}, its Location and the version as ETag (a command that answers a typed result). */
    public static <T> ResponseEntity<T> created(T body, String location, long version) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(body);
    }
}
