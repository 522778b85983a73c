package io.zhenggai.platform.events;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored events with NUL or lone surrogates are read with U+FFFD instead; everything else is read as stored. */
class StoredTextUpcasterTest {

    record FeedbackSubmitted(String feedbackId, String text, List<String> tags, Map<String, String> fields, java.math.BigDecimal amount) {
    }

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final EventUpcasterChain chain = new EventUpcasterChain(new StoredTextUpcaster());

    private IntermediateEventRepresentation stored(Object payload, Map<String, ?> meta) {
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(meta), byte[].class);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Feedback", "fb-1", 0, "event-1",
                "2026-12-01T00:00:00Z", data.getType().getName(), data.getType().getRevision(), data.getData(),
                metaData.getData());
        return new InitialEventRepresentation(entry, serializer);
    }

    private IntermediateEventRepresentation upcast(IntermediateEventRepresentation stored) {
        List<IntermediateEventRepresentation> out = chain.upcast(Stream.of(stored)).toList();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private FeedbackSubmitted read(IntermediateEventRepresentation r) {
        return serializer.deserialize(r.getData());
    }

    @Test
    void replacesANulInATextFieldWhenTheEventIsRead() {
        IntermediateEventRepresentation stored = stored(
                new FeedbackSubmitted("fb-1", "a\u0000b", List.of("x\u0000"), Map.of("k\u0000", "v"), new java.math.BigDecimal("12.30")),
                Map.of("userId", "anonymous"));
        assertThat(new String(stored.getData(byte[].class).getData(), StandardCharsets.UTF_8)).contains("\\u0000");

        FeedbackSubmitted read = read(upcast(stored));

        assertThat(read.text()).isEqualTo("a\uFFFDb");
        assertThat(read.tags()).containsExactly("x\uFFFD");
        assertThat(read.fields()).containsOnlyKeys("k\uFFFD");
        assertThat(read.amount()).isEqualByComparingTo("12.30");
        assertThat(read.feedbackId()).isEqualTo("fb-1");
    }

    @Test
    void replacesLoneSurrogatesAndKeepsSurrogatePairs() {
        FeedbackSubmitted read = read(upcast(stored(
                new FeedbackSubmitted("fb-2", "high\uD800 low\uDC00 pair\uD83D\uDE00 end\uD83D", List.of(), Map.of(), null),
                Map.of())));

        assertThat(read.text()).isEqualTo("high\uFFFD low\uFFFD pair\uD83D\uDE00 end\uFFFD");
    }

    @Test
    void leavesEveryOtherEventExactlyAsStored() {
        IntermediateEventRepresentation stored = stored(
                new FeedbackSubmitted("fb-3", "整改 \\u0000 is text, not a NUL; tab\t and \uD83D\uDE00", List.of(), Map.of(), null),
                Map.of());
        byte[] before = stored.getData(byte[].class).getData();

        IntermediateEventRepresentation read = upcast(stored);

        assertThat(read.getData(byte[].class).getData()).isEqualTo(before);
        assertThat(read(read).text()).isEqualTo("整改 \\u0000 is text, not a NUL; tab\t and \uD83D\uDE00");
        assertThat(read.getType()).isEqualTo(stored.getType());
    }

    @Test
    void repairsTheMetadataOfARepairedEvent() {
        IntermediateEventRepresentation read = upcast(stored(
                new FeedbackSubmitted("fb-4", "\u0000", List.of(), Map.of(), null), Map.of("reason", "r\u0000")));

        assertThat(read.getMetaData().getObject().get("reason")).isEqualTo("r\uFFFD");
        assertThat(read.getType().getName()).isEqualTo(FeedbackSubmitted.class.getName());
    }

    @Test
    void repairsStringsAndRawJson() {
        assertThat(StoredText.repair("ok")).isSameAs("ok");
        assertThat(StoredText.repair("a\u0000\uDFFFb")).isEqualTo("a\uFFFD\uFFFDb");
        byte[] json = "{\"t\":\"\\\\\\u0000\"}".getBytes(StandardCharsets.UTF_8); // an escaped backslash, then a NUL
        assertThat(new String(StoredText.repairJson(json), StandardCharsets.UTF_8)).isEqualTo("{\"t\":\"\\\\\\uFFFD\"}");
        byte[] clean = "{\"t\":\"\\\\u0000\"}".getBytes(StandardCharsets.UTF_8); // the text \u0000, not a NUL
        assertThat(StoredText.repairJson(clean)).isSameAs(clean);
        byte[] truncated = "{\"t\":\"\\u00".getBytes(StandardCharsets.UTF_8);
        assertThat(StoredText.repairJson(truncated)).isSameAs(truncated);
    }
}
