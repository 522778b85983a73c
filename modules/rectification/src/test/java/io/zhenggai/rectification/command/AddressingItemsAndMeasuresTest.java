package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

/** Axon routes an item's commands by {@code itemId} and a measure's by {@code measureId}; what it cannot route is not found. */
class AddressingItemsAndMeasuresTest {

    private static final LocalDate DUE = LocalDate.of(2024, 6, 30);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void progressOnAnItemTheRectificationDoesNotHoldIsNotFound() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "no-such-item", null, ItemStatus.IN_PROGRESS, TODAY))
                .expectException(notFound("rectification item", "no-such-item"))
                .expectNoEvents();
    }

    @Test
    void revisingAMeasureTheItemDoesNotHoldIsNotFound() {
        fixture.given(draftEvents(DUE))
                .when(new ReviseMeasureCommand(RID, "i1", "no-such-measure", "二是完善台账", null, null))
                .expectException(notFound("measure", "no-such-measure"))
                .expectNoEvents();
    }

    @Test
    void aRemovedItemIsNotFound() {
        List<Object> given = new ArrayList<>(draftEvents(DUE));
        given.add(new ItemRemovedEvent(RID, "i1", null));
        fixture.given(given)
                .when(new ReviseMeasureCommand(RID, "i1", "m1", "二是完善台账", null, null))
                .expectException(notFound("rectification item", "i1"))
                .expectNoEvents();
    }

    @Test
    void aMeasureCommandReachesTheMeasureOfTheItemNamed() {
        fixture.given(draftEvents(DUE))
                .when(new ReviseMeasureCommand(RID, "i2", "m2", "二是完善台账", null, null))
                .expectEvents(new MeasureRevisedEvent(RID, "i2", "m2", "二是完善台账", false, null));
    }

    private static Matcher<Object> notFound(String resource, String id) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof NotFoundException e && e.resource().equals(resource) && e.id().equals(id);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("not found: " + resource + " " + id);
            }
        };
    }
}
