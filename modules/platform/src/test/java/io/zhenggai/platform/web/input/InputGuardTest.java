package io.zhenggai.platform.web.input;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputGuardTest {

    record Finding(String title, List<String> manifestations, LocalDate date) {
    }

    record Feedback(String text, List<Finding> findings, Map<String, String> labels, Instant at) {
    }

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static final ObjectMapper JSON = new ObjectMapper(new InputGuardJsonFactory(StreamReadConstraints.builder()
            .maxStringLength(1_000).maxDocumentLength(10_000).maxNestingDepth(8).build()))
            .registerModule(new JavaTimeModule())
            .registerModule(new BusinessDateModule(CLOCK));

    static RejectedInputException rejected(String json, Class<?> type) {
        try {
            JSON.readValue(json, type);
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RejectedInputException r) {
                    return r;
                }
            }
            throw new AssertionError("not rejected as input but " + e, e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void acceptsOrdinaryChineseTextEmojiAndDatesWithinBounds() throws Exception {
        Feedback f = JSON.readValue("""
                {"text":"整改落实 ✅ 😀","findings":[{"title":"“第一议题”","manifestations":["a"],"date":"1949-10-01"}],
                 "labels":{"k":"v"},"at":"2026-12-01T00:00:00Z"}""", Feedback.class);
        assertThat(f.text()).isEqualTo("整改落实 ✅ 😀");
        assertThat(f.findings().get(0).date()).isEqualTo(LocalDate.of(1949, 10, 1));
        assertThat(JSON.readValue("{\"findings\":[{\"date\":\"2076-12-01\"}]}", Feedback.class).findings().get(0).date())
                .isEqualTo(LocalDate.of(2076, 12, 1));
    }

    @Test
    void refusesANulInATopLevelField() {
        RejectedInputException e = rejected("{\"text\":\"a\\u0000b\"}", Feedback.class);
        assertThat(e.field()).isEqualTo("text");
        assertThat(e.code()).isEqualTo("TEXT_INVALID");
        assertThat(e.reason()).contains("U+0000");
    }

    @Test
    void namesANestedFieldByItsJsonPath() {
        String json = "{\"findings\":[{\"title\":\"ok\"},{\"title\":\"ok\"},{\"title\":\"bad\\u0000\"}]}";
        assertThat(rejected(json, Feedback.class).field()).isEqualTo("findings[2].title");
        assertThat(rejected("{\"findings\":[{\"manifestations\":[\"a\",\"\\u0000\"]}]}", Feedback.class).field())
                .isEqualTo("findings[0].manifestations[1]");
    }

    @Test
    void refusesLoneSurrogatesButNotPairs() {
        assertThat(rejected("{\"text\":\"x\\ud800y\"}", Feedback.class).reason()).contains("D800");
        assertThat(rejected("{\"text\":\"\\udc00\"}", Feedback.class).field()).isEqualTo("text");
        assertThat(rejected("{\"text\":\"end\\ud83d\"}", Feedback.class).field()).isEqualTo("text");
    }

    @Test
    void refusesBadTextInMapKeysValuesAndUntypedTrees() {
        assertThat(rejected("{\"labels\":{\"k\":\"\\u0000\"}}", Feedback.class).field()).isEqualTo("labels.k");
        assertThat(rejected("{\"labels\":{\"k\\u0000\":\"v\"}}", Feedback.class).field()).isEqualTo("labels.k\uFFFD");
        assertThat(rejected("{\"a\":{\"b\":[1,\"\\u0000\"]}}", JsonNode.class).field()).isEqualTo("a.b[1]");
        assertThat(rejected("{\"a\":[{\"b\":\"\\u0000\"}]}", Object.class).field()).isEqualTo("a[0].b");
    }

    @Test
    void refusesDatesBeforeTheFoundingOrMoreThanFiftyYearsAhead() {
        RejectedInputException early = rejected("{\"findings\":[{\"date\":\"0001-01-03\"}]}", Feedback.class);
        assertThat(early.field()).isEqualTo("findings[0].date");
        assertThat(early.code()).isEqualTo("DATE_OUT_OF_RANGE");
        assertThat(early.reason()).contains("1949-10-01").contains("2076-12-01");
        assertThat(rejected("{\"findings\":[{\"date\":\"1949-09-30\"}]}", Feedback.class).field()).isEqualTo("findings[0].date");
        assertThat(rejected("{\"findings\":[{\"date\":\"2076-12-02\"}]}", Feedback.class).field()).isEqualTo("findings[0].date");
        assertThat(rejected("{\"findings\":[{\"date\":\"+999999999-12-31\"}]}", Feedback.class).field()).isEqualTo("findings[0].date");
        assertThat(rejected("{\"findings\":[{\"date\":\"-999999999-01-01\"}]}", Feedback.class).field()).isEqualTo("findings[0].date");
        assertThat(rejected("{\"at\":\"+1000000000-12-31T23:59:59Z\"}", Feedback.class).field()).isEqualTo("at");
        assertThat(rejected("{\"at\":\"1900-01-01T00:00:00Z\"}", Feedback.class).field()).isEqualTo("at");
    }

    @Test
    void readsWithinTheStreamConstraints() {
        assertThatThrownBy(() -> JSON.readValue("{\"text\":\"" + "字".repeat(1_001) + "\"}", Feedback.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> JSON.readTree("[".repeat(9) + "]".repeat(9)))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> JSON.readTree(new java.io.ByteArrayInputStream(
                ("[" + "1,".repeat(15_000) + "1]").getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void theRuleForTextIsOneFunction() {
        assertThat(Texts.violation("普通文本 😀")).isNull();
        assertThat(Texts.violation("a\u0000")).isNotNull();
        assertThat(Texts.violation("\uD800")).isNotNull();
        assertThat(Texts.violation("\uDC00\uD800")).isNotNull();
        assertThat(Texts.printable("a\u0000\uD800b😀")).isEqualTo("a\uFFFD\uFFFDb😀");
    }
}
