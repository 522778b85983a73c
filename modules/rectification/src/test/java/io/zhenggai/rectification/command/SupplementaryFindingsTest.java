package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

/** Findings and items handed over by other contexts after feedback: public feedback and finance violations. */
class SupplementaryFindingsTest {

    private static final LocalDate DUE = LocalDate.of(2024, 6, 30);
    private static final LocalDate SUBMITTED = LocalDate.of(2024, 3, 20);
    private static final LocalDate ESCALATED = LocalDate.of(2024, 3, 22);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RecordSupplementaryFindingCommand feedback(String feedbackId, String categoryId) {
        return new RecordSupplementaryFindingCommand(RID, "fb-" + feedbackId, categoryId, "整改台账未向社会公开",
                "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, feedbackId, SUBMITTED);
    }

    private static TakeOverViolationCommand violation(String violationId, String findingId) {
        return new TakeOverViolationCommand(RID, violationId, findingId, "公务接待超标准", new BigDecimal("80.00"), ESCALATED,
                "exp-b", LocalDate.of(2024, 2, 1), "公务接待管理办法", "人均120元标准超出80.00元");
    }

    /** What {@link #feedback} records, with no category named, as the first supplementary finding of the ledger. */
    private static SupplementaryFindingRecordedEvent feedbackRecorded(String feedbackId, boolean afterAdoption) {
        return new SupplementaryFindingRecordedEvent(RID, "fb-" + feedbackId, "supplementary-public-feedback", 3,
                "群众反馈问题", true, 1, "整改台账未向社会公开", "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, feedbackId,
                SUBMITTED, afterAdoption);
    }

    /** What {@link #violation} records for a finding it names that the ledger holds, as the fourth item. */
    private static ItemAddedEvent violationItemAdded(String violationId, String findingId, boolean afterAdoption) {
        return new ItemAddedEvent(RID, "viol-" + violationId, 4, List.of(findingId), "整改违规支出：公务接待超标准",
                ItemKind.IMMEDIATE, null, null, null, null, null, afterAdoption, "财务违规升级：" + violationId);
    }

    private static List<Object> adoptedPlan() {
        return adoptedEvents(DUE);
    }

    @Test
    void publicFeedbackWithoutAKnownCategoryOpensTheSourcesOwnCategoryAfterTheDeliveredOnes() {
        fixture.given(opened())
                .when(feedback("fb-uuid-1", null))
                .expectEvents(new SupplementaryFindingRecordedEvent(RID, "fb-fb-uuid-1", "supplementary-public-feedback", 3,
                        "群众反馈问题", true, 1, "整改台账未向社会公开", "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK,
                        "fb-uuid-1", SUBMITTED, false));
    }

    @Test
    void publicFeedbackNamingADeliveredCategoryIsNumberedAfterThatCategorysFindings() {
        fixture.given(opened())
                .when(feedback("fb-uuid-1", "c1"))
                .expectEvents(new SupplementaryFindingRecordedEvent(RID, "fb-fb-uuid-1", "c1", 1, null, false, 3,
                        "整改台账未向社会公开", "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, "fb-uuid-1", SUBMITTED, false));
    }

    @Test
    void anUnknownCategoryFallsBackToTheSourcesOwnCategoryWhichASecondFindingJoins() {
        fixture.given(opened(), feedbackRecorded("a", false))
                .when(feedback("b", null))
                .expectEvents(new SupplementaryFindingRecordedEvent(RID, "fb-b", "supplementary-public-feedback", 3,
                        null, false, 2, "整改台账未向社会公开", "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, "b",
                        SUBMITTED, false));
    }

    @Test
    void theSameFeedbackIsRecordedOnceOnly() {
        fixture.given(opened(), feedbackRecorded("a", false))
                .when(feedback("a", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesASupplementaryFindingWithoutATitleOrSource() {
        fixture.given(opened())
                .when(new RecordSupplementaryFindingCommand(RID, "fb-x", null, " ", "说明", FindingSource.PUBLIC_FEEDBACK, "x",
                        SUBMITTED))
                .expectException(malformed("title"))
                .expectNoEvents();
        fixture.given(opened())
                .when(new RecordSupplementaryFindingCommand(RID, "fb-x", null, "标题", null, FindingSource.INSPECTION, "x",
                        SUBMITTED))
                .expectException(rule("SOURCE_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aSupplementaryFindingCannotTakeTheIdOfADeliveredOne() {
        fixture.given(opened())
                .when(new RecordSupplementaryFindingCommand(RID, F1, null, "标题", null, FindingSource.PUBLIC_FEEDBACK, "x",
                        SUBMITTED))
                .expectException(rule("FINDING_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void nothingIsRecordedForARectificationThatIsNotOpen() {
        fixture.given()
                .when(feedback("a", null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void beforeAdoptionASupplementaryFindingNeedsAnItemLikeAnyOther() {
        fixture.given(draftEvents(DUE)).andGiven(feedbackRecorded("a", false))
                .when(adopt())
                .expectException(rule("FINDINGS_NOT_COVERED"))
                .expectNoEvents();
    }

    @Test
    void afterAdoptionASupplementaryFindingIsRecordedAndGetsItsItemWithAReason() {
        fixture.given(adoptedPlan()).andGiven(feedbackRecorded("a", true))
                .when(new AddItemCommand(RID, "i4", List.of("fb-a"), "公开整改台账", ItemKind.IMMEDIATE, null, DEPUTY, "办公室",
                        null, List.of(new NewMeasure("m4", "在门户网站公开整改台账")), "群众反馈转为整改问题", null))
                .expectSuccessfulHandlerExecution();
        fixture.given(adoptedPlan())
                .when(feedback("a", null))
                .expectEvents(new SupplementaryFindingRecordedEvent(RID, "fb-a", "supplementary-public-feedback", 3,
                        "群众反馈问题", true, 1, "整改台账未向社会公开", "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, "a",
                        SUBMITTED, true));
    }

    @Test
    void aViolationForADeliveredFindingBecomesAnImmediateItemRecordedAsAChangeOfTheAdoptedPlan() {
        fixture.given(adoptedPlan())
                .when(violation("exp-b-V1", F3))
                .expectEvents(new ItemAddedEvent(RID, "viol-exp-b-V1", 4, List.of(F3), "整改违规支出：公务接待超标准",
                        ItemKind.IMMEDIATE, null, null, null, null, null, true, "财务违规升级：exp-b-V1"));
    }

    @Test
    void aViolationWithoutAFindingIsFirstRecordedAsASupplementaryFindingOfItsOwn() {
        fixture.given(opened())
                .when(violation("exp-b-V1", null))
                .expectEvents(
                        new SupplementaryFindingRecordedEvent(RID, "viol-exp-b-V1", "supplementary-finance-violation", 3,
                                "财务监督发现问题", true, 1, "违规支出：公务接待超标准",
                                "公务接待超标准；涉及金额80.00元；支出exp-b（2024-02-01）；依据《公务接待管理办法》；人均120元标准超出80.00元",
                                FindingSource.FINANCE_VIOLATION, "exp-b-V1", ESCALATED, false),
                        new ItemAddedEvent(RID, "viol-exp-b-V1", 1, List.of("viol-exp-b-V1"), "整改违规支出：公务接待超标准",
                                ItemKind.IMMEDIATE, null, null, null, null, null, false, "财务违规升级：exp-b-V1"));
    }

    @Test
    void aViolationNamingAFindingTheLedgerDoesNotKnowGetsAFindingOfItsOwnThatSaysSo() {
        fixture.given(opened())
                .when(violation("exp-b-V1", "finding-2-4"))
                .expectEvents(
                        new SupplementaryFindingRecordedEvent(RID, "viol-exp-b-V1", "supplementary-finance-violation", 3,
                                "财务监督发现问题", true, 1, "违规支出：公务接待超标准",
                                "公务接待超标准；涉及金额80.00元；支出exp-b（2024-02-01）；依据《公务接待管理办法》；人均120元标准超出80.00元"
                                        + "；移交时指明的问题“finding-2-4”不在本整改台账中",
                                FindingSource.FINANCE_VIOLATION, "exp-b-V1", ESCALATED, false),
                        new ItemAddedEvent(RID, "viol-exp-b-V1", 1, List.of("viol-exp-b-V1"), "整改违规支出：公务接待超标准",
                                ItemKind.IMMEDIATE, null, null, null, null, null, false, "财务违规升级：exp-b-V1"));
    }

    @Test
    void theSameViolationNeverCreatesTwoItems() {
        fixture.given(adoptedPlan()).andGiven(violationItemAdded("exp-b-V1", F3, true))
                .when(violation("exp-b-V1", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aViolationItemInADraftBlocksAdoptionUntilItHasMeasuresAndResponsibility() {
        List<Object> given = history(draftEvents(DUE), violationItemAdded("exp-b-V1", F3, false));
        fixture.given(given)
                .when(adopt())
                .expectException(rule("ITEMS_WITHOUT_MEASURES"))
                .expectNoEvents();
        given.add(new MeasureAddedEvent(RID, "viol-exp-b-V1", "vm1", 1, "追回超标准接待费用80.00元", false, null));
        given.add(new ResponsibilityAssignedEvent(RID, "viol-exp-b-V1", DEPUTY, "王副部长", "财务室", null, null, null, null,
                null, false, null));
        fixture.given(given)
                .when(adopt())
                .expectSuccessfulHandlerExecution();
    }
}
