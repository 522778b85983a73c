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
}
