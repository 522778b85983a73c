package io.zhenggai.publication.notice;

import io.zhenggai.platform.digest.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SHA-256 of a notice's content (facts, narrative, settings) over a canonical JSON form (properties sorted,
 * dates as ISO text): what a leader approves is exactly the content with this hash.
 */
public final class ContentHash {
    private ContentHash() {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public static String of(NoticeFacts facts, NoticeNarrative narrative, NoticeSettings settings) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("facts", facts);
        content.put("narrative", narrative);
        content.put("settings", settings);
        try {
            return Sha256.hex(CANONICAL.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice content cannot be serialised", e);
        }
    }

}
