package io.zhenggai.platform.readside;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** When a processor's token has handled the event at a position. */
class ReadYourWritesTest {

    private final GapAwareTrackingToken at10WithGap7 = GapAwareTrackingToken.newInstance(10, new TreeSet<>(List.of(7L)));

    @Test
    void aTokenAtOrBeyondThePositionHasHandledIt() {
        assertThat(ReadYourWrites.passed(at10WithGap7, 10)).isTrue();
        assertThat(ReadYourWrites.passed(at10WithGap7, 8)).isTrue();
    }

    @Test
    void aTokenBeforeThePositionHasNotHandledIt() {
        assertThat(ReadYourWrites.passed(at10WithGap7, 11)).isFalse();
    }

    @Test
    void aPositionThatIsStillAGapOfTheTokenIsNotHandled() {
        assertThat(ReadYourWrites.passed(at10WithGap7, 7)).isFalse();
    }

    @Test
    void noTokenHasHandledNothing() {
        assertThat(ReadYourWrites.passed((org.axonframework.eventhandling.TrackingToken) null, 1)).isFalse();
    }

    @Test
    void aReplayingProcessorIsJudgedByItsCurrentToken() {
        var replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(20, new TreeSet<>()),
                GapAwareTrackingToken.newInstance(5, new TreeSet<>()));
        assertThat(ReadYourWrites.passed(replay, 5)).isTrue();
        assertThat(ReadYourWrites.passed(replay, 6)).isFalse();
    }

    @Test
    void aTokenWithoutGapsIsJudgedByItsPosition() {
        assertThat(ReadYourWrites.passed(new GlobalSequenceTrackingToken(4), 4)).isTrue();
        assertThat(ReadYourWrites.passed(new GlobalSequenceTrackingToken(4), 5)).isFalse();
    }

    @Test
    void withTwoSegmentsBothMustBeClaimedAndPastThePosition() {
        var halves = org.axonframework.eventhandling.Segment.ROOT_SEGMENT.split();
        var first = status(halves[0], new GlobalSequenceTrackingToken(12));
        var second = status(halves[1], new GlobalSequenceTrackingToken(12));
        var behind = status(halves[1], new GlobalSequenceTrackingToken(9));

        assertThat(ReadYourWrites.passed(processor(java.util.Map.of(0, first)), 10)).as("one of two segments claimed").isFalse();
        assertThat(ReadYourWrites.passed(processor(java.util.Map.of(0, first, 1, behind)), 10)).isFalse();
        assertThat(ReadYourWrites.passed(processor(java.util.Map.of(0, first, 1, second)), 10)).isTrue();
        assertThat(ReadYourWrites.passed(processor(java.util.Map.of(0,
                status(org.axonframework.eventhandling.Segment.ROOT_SEGMENT, new GlobalSequenceTrackingToken(10)))), 10)).isTrue();
    }

    @Test
    void aSegmentClaimedByAnotherNodeIsJudgedByItsStoredToken() {
        var halves = org.axonframework.eventhandling.Segment.ROOT_SEGMENT.split();
        var here = processor(java.util.Map.of(0, status(halves[0], new GlobalSequenceTrackingToken(12))));
        var pastThere = java.util.List.of(new StoredTokens.Stored(0, new GlobalSequenceTrackingToken(3), "node-a"),
                new StoredTokens.Stored(1, new GlobalSequenceTrackingToken(11), "node-b"));
        var behindThere = java.util.List.of(new StoredTokens.Stored(0, new GlobalSequenceTrackingToken(12), "node-a"),
                new StoredTokens.Stored(1, new GlobalSequenceTrackingToken(9), "node-b"));

        assertThat(ReadYourWrites.passed(here, 10, () -> pastThere)).as("segment 0 live here, segment 1 stored by node-b").isTrue();
        assertThat(ReadYourWrites.passed(here, 10, () -> behindThere)).as("node-b's segment is behind").isFalse();
        assertThat(ReadYourWrites.passed(processor(java.util.Map.of()), 10, () -> pastThere))
                .as("nothing claimed here: segment 0 as stored (3) is behind").isFalse();
        var bothPast = java.util.List.of(new StoredTokens.Stored(0, new GlobalSequenceTrackingToken(10), "node-a"),
                new StoredTokens.Stored(1, new GlobalSequenceTrackingToken(11), "node-b"));
        assertThat(ReadYourWrites.passed(processor(java.util.Map.of()), 10, () -> bothPast))
                .as("nothing claimed here, every segment past elsewhere").isTrue();
        assertThat(ReadYourWrites.passed(processor(java.util.Map.of()), 10, java.util.List::of))
                .as("no token anywhere yet").isFalse();
    }

    private static org.axonframework.eventhandling.EventTrackerStatus status(org.axonframework.eventhandling.Segment segment,
                                                                            org.axonframework.eventhandling.TrackingToken token) {
        var status = org.mockito.Mockito.mock(org.axonframework.eventhandling.EventTrackerStatus.class);
        org.mockito.Mockito.when(status.getSegment()).thenReturn(segment);
        org.mockito.Mockito.when(status.getTrackingToken()).thenReturn(token);
        return status;
    }

    private static org.axonframework.eventhandling.StreamingEventProcessor processor(
            java.util.Map<Integer, org.axonframework.eventhandling.EventTrackerStatus> segments) {
        var processor = org.mockito.Mockito.mock(org.axonframework.eventhandling.StreamingEventProcessor.class);
        org.mockito.Mockito.when(processor.isRunning()).thenReturn(true);
        org.mockito.Mockito.when(processor.processingStatus()).thenReturn(segments);
        return processor;
    }
}
