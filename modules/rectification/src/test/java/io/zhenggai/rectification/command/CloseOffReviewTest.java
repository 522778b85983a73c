package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class CloseOffReviewTest {

    private static final LocalDate DUE = LocalDate.of(2024, 6, 30);
    private static final LocalDate DONE = LocalDate.of(2023, 11, 20);
    private static final LocalDate REQUESTED = LocalDate.of(2023, 11, 25);
    private static final LocalDate APPROVED = LocalDate.of(2023, 12, 1);
    private static final String SHA = "b".repeat(64);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** Item i3 completed with a document (e1) and its scan (e2). */
    private List<Object> completed() {
        return history(adoptedEvents(DUE), progressed("p1", "i3", ItemStatus.COMPLETED, ItemStatus.NOT_STARTED, DONE,
                document("e1"), scan("e2", SHA)));
    }

    private List<Object> requested() {
        return history(completed(), closeOffRequested("i3", REQUESTED, "制度已印发", ref(document("e1")), ref(scan("e2", SHA))));
    }

    private List<Object> closedOff() {
        return history(requested(), closeOffApproved("i3", APPROVED, "同意销号", ref(document("e1")), ref(scan("e2", SHA))));
    }

    @Test
    void closeOffWithoutEvidenceIsRefused() {
        fixture.given(adoptedEvents(DUE))
                .andGiven(new ProgressRecordedEvent(RID, "p1", "i3", null, DONE, null, ItemStatus.COMPLETED,
                        ItemStatus.NOT_STARTED, "已完成", List.of()))
                .when(new RequestCloseOffCommand(RID, "i3", REQUESTED, "请求销号", List.of(), null))
                .expectException(rule("EVIDENCE_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void closeOffOfAnUnfinishedItemIsRefused() {
        fixture.given(adoptedEvents(DUE))
                .andGiven(progressed("p1", "i3", ItemStatus.IN_PROGRESS, ItemStatus.NOT_STARTED, DONE, document("e1")))
                .when(new RequestCloseOffCommand(RID, "i3", REQUESTED, null, List.of(), null))
                .expectException(rule("ITEM_NOT_DONE"))
                .expectNoEvents();
    }

    @Test
    void requestsCloseOffWithAllTheEvidenceOfTheItemWhenNoneIsNamed() {
        fixture.given(completed())
                .when(new RequestCloseOffCommand(RID, "i3", REQUESTED, "制度已印发", null, null))
                .expectEvents(new CloseOffRequestedEvent(RID, "i3", REQUESTED, "制度已印发", List.of(
                        new EvidenceRef("e1", EvidenceKind.DOCUMENT, null),
                        new EvidenceRef("e2", EvidenceKind.FILE, SHA))));
    }

    @Test
    void requestsCloseOffWithTheEvidenceNamed() {
        fixture.given(completed())
                .when(new RequestCloseOffCommand(RID, "i3", REQUESTED, null, List.of("e2"), null))
                .expectEvents(new CloseOffRequestedEvent(RID, "i3", REQUESTED, null,
                        List.of(new EvidenceRef("e2", EvidenceKind.FILE, SHA))));
    }

    @Test
    void refusesEvidenceOfAnotherItem() {
        fixture.given(completed())
                .andGiven(progressed("p2", "i1", ItemStatus.COMPLETED, ItemStatus.NOT_STARTED, DONE, document("e9")))
                .when(new RequestCloseOffCommand(RID, "i3", REQUESTED, null, List.of("e9"), null))
                .expectException(rule("EVIDENCE_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void approvingRecordsExactlyTheEvidenceApproved() {
        fixture.given(requested())
                .when(new ApproveCloseOffCommand(RID, "i3", APPROVED, "同意销号", List.of("e2", "e1"), null))
                .expectEvents(new CloseOffApprovedEvent(RID, "i3", APPROVED, "同意销号", List.of(
                        new EvidenceRef("e1", EvidenceKind.DOCUMENT, null),
                        new EvidenceRef("e2", EvidenceKind.FILE, SHA))));
    }

    @Test
    void approvingOnOtherEvidenceThanRequestedIsRefused() {
        fixture.given(requested())
                .when(new ApproveCloseOffCommand(RID, "i3", APPROVED, "同意", List.of("e1"), null))
                .expectException(rule("EVIDENCE_MISMATCH"))
                .expectNoEvents();
    }

    @Test
    void approvingWithoutARequestIsRefused() {
        fixture.given(completed())
                .when(new ApproveCloseOffCommand(RID, "i3", APPROVED, "同意", null, null))
                .expectException(rule("NO_CLOSE_OFF_REQUEST"))
                .expectNoEvents();
    }

    @Test
    void approvalCannotPrecedeTheRequest() {
        fixture.given(requested())
                .when(new ApproveCloseOffCommand(RID, "i3", REQUESTED.minusDays(1), "同意", null, null))
                .expectException(rule("DATE_BEFORE_REQUEST"))
                .expectNoEvents();
    }

    @Test
    void aLeaderSendsTheRequestBackWithAReason() {
        fixture.given(requested())
                .when(new ReturnCloseOffCommand(RID, "i3", APPROVED, "佐证材料不足", null))
                .expectEvents(new CloseOffReturnedEvent(RID, "i3", APPROVED, "佐证材料不足"));
    }

    @Test
    void sendingBackWithoutAReasonIsRefused() {
        fixture.given(requested())
                .when(new ReturnCloseOffCommand(RID, "i3", APPROVED, "", null))
                .expectException(malformed("reason"))
                .expectNoEvents();
    }

    @Test
    void aReturnedItemTakesMoreEvidenceAndIsRequestedAgain() {
        fixture.given(requested())
                .andGiven(closeOffReturned("i3", APPROVED, "佐证材料不足"),
                        progressed("p2", "i3", ItemStatus.COMPLETED, ItemStatus.COMPLETED, APPROVED, followers("e3")))
                .when(new RequestCloseOffCommand(RID, "i3", APPROVED, "补充材料", null, null))
                .expectEvents(new CloseOffRequestedEvent(RID, "i3", APPROVED, "补充材料", List.of(
                        new EvidenceRef("e1", EvidenceKind.DOCUMENT, null),
                        new EvidenceRef("e2", EvidenceKind.FILE, SHA),
                        new EvidenceRef("e3", EvidenceKind.FIGURE, null))));
    }

    @Test
    void progressWaitsWhileACloseOffIsUnderReview() {
        fixture.given(requested())
                .when(progress("p2", "i3", null, ItemStatus.COMPLETED, APPROVED, followers("e3")))
                .expectException(rule("CLOSE_OFF_PENDING"))
                .expectNoEvents();
    }

    @Test
    void aClosedOffItemTakesNoMoreProgress() {
        fixture.given(closedOff())
                .when(progress("p2", "i3", null, ItemStatus.IN_PROGRESS, APPROVED, followers("e3")))
                .expectException(rule("ITEM_CLOSED_OFF"))
                .expectNoEvents();
    }

    @Test
    void aLookBackReviewReopensAClosedOffItem() {
        LocalDate review = LocalDate.of(2024, 3, 1);
        fixture.given(closedOff())
                .when(new ReopenItemCommand(RID, "i3", review, "回头看发现制度执行不到位", null))
                .expectEvents(new ItemReopenedEvent(RID, "i3", review, "回头看发现制度执行不到位", ItemStatus.IN_PROGRESS));
    }

    @Test
    void reopeningNeedsAReason() {
        fixture.given(closedOff())
                .when(new ReopenItemCommand(RID, "i3", LocalDate.of(2024, 3, 1), null, null))
                .expectException(malformed("reason"))
                .expectNoEvents();
    }

    @Test
    void onlyAClosedOffItemIsReopened() {
        fixture.given(completed())
                .when(new ReopenItemCommand(RID, "i3", LocalDate.of(2024, 3, 1), "回头看", null))
                .expectException(rule("ITEM_NOT_CLOSED_OFF"))
                .expectNoEvents();
    }
}
