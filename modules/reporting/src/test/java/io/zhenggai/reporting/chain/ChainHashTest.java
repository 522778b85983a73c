package io.zhenggai.reporting.chain;

import io.zhenggai.reporting.audit.StoredEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain's canonical form, against vectors computed independently (Python, from the documented spec). */
class ChainHashTest {

    private static final String PAYLOAD = "{\"inspectionId\":\"i1\",\"date\":\"2025-01-02\"}";
    private static final String META = "{\"userId\":\"inspector\"}";

    private static StoredEvent event(String payload, String meta) {
        return new StoredEvent(2, "ev-2", "Inspection", "i1", 1,
                "io.zhenggai.api.inspection.InspectionEvents$FieldworkStartedEvent", null, "2026-11-27T02:49:29.628Z",
                payload.getBytes(StandardCharsets.UTF_8), meta == null ? null : meta.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void gapLinkFromGenesisMatchesTheSpecification() {
        assertThat(ChainHash.ofGap(ChainHash.GENESIS, 1))
                .isEqualTo("2b8792880f6a74d96545575ceb58e9dd296a4a2f4907587c56932266722f1ab4");
    }

    @Test
    void eventLinkMatchesTheSpecification() {
        String gap = ChainHash.ofGap(ChainHash.GENESIS, 1);
        assertThat(ChainHash.ofEvent(gap, event(PAYLOAD, META)))
                .isEqualTo("87be3a3f38aa1c54f0be00bafbf9abaa23a1a427a0e4fafd18a6b1eacdafb6b8");
    }

    @Test
    void changingOneByteOfThePayloadChangesTheHash() {
        String original = ChainHash.ofEvent(ChainHash.GENESIS, event(PAYLOAD, META));
        String altered = ChainHash.ofEvent(ChainHash.GENESIS, event(PAYLOAD.replace("02", "03"), META));
        assertThat(altered).isNotEqualTo(original);
    }

    @Test
    void missingMetadataDiffersFromEmptyMetadata() {
        assertThat(ChainHash.ofEvent(ChainHash.GENESIS, event(PAYLOAD, null)))
                .isNotEqualTo(ChainHash.ofEvent(ChainHash.GENESIS, event(PAYLOAD, "")));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" must not hash like "a" + "bc": every field is length-prefixed
        StoredEvent a = new StoredEvent(1, "ab", "c", "x", 0, "T", null, "t", new byte[0], null);
        StoredEvent b = new StoredEvent(1, "a", "bc", "x", 0, "T", null, "t", new byte[0], null);
        assertThat(ChainHash.ofEvent(ChainHash.GENESIS, a)).isNotEqualTo(ChainHash.ofEvent(ChainHash.GENESIS, b));
    }

    @Test
    void theLinkDependsOnThePreviousHash() {
        assertThat(ChainHash.ofGap(ChainHash.GENESIS, 5)).isNotEqualTo(ChainHash.ofGap("1".repeat(64), 5));
    }
}
