package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.RectificationCommands.TakeOverFindingCorrectionCommand;
import io.zhenggai.api.rectification.RectificationEvents.FindingCorrectionTakenOverEvent;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class OpeningARectificationTest {

    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void opensWithItsOwnCopyOfTheDeliveredCategoriesAndFindings() {
        fixture.givenNoPriorActivity()
                .when(open())
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened())
                .expectResultMessagePayload(0L);
    }

    @Test
    void openingAnOpenRectificationAgainChangesNothing() {
        fixture.given(opened())
                .when(open())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void takesOverACorrectionOfAFindingWithItsReason() {
        fixture.given(opened())
                .when(new TakeOverFindingCorrectionCommand(RID, F3, "c2", "财务管理制度不健全、执行不严", null,
                        List.of("经费列支不规范"), "巡察组更正表述", "evt-1"))
                .expectEvents(new FindingCorrectionTakenOverEvent(RID, F3, "c2", "财务管理制度不健全、执行不严", null,
                        List.of("经费列支不规范"), "巡察组更正表述", "evt-1"));
    }

    @Test
    void takesOverTheSameCorrectionOnlyOnce() {
        fixture.given(opened(), new FindingCorrectionTakenOverEvent(RID, F3, "c2", "新表述", null, List.of(), "更正", "evt-1"))
                .when(new TakeOverFindingCorrectionCommand(RID, F3, "c2", "新表述", null, List.of(), "更正", "evt-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionOfAFindingItNeverReceived() {
        fixture.given(opened())
                .when(new TakeOverFindingCorrectionCommand(RID, "f-unknown", "c2", "x", null, List.of(), "更正", "evt-2"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
