package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class RectificationPlanTest {

    private static final LocalDate DUE = LocalDate.of(2024, 6, 30);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void addsAnItemServingSeveralFindingsWithOrderedMeasuresAndResponsibility() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed())
                .when(new AddItemCommand(RID, "i1", List.of(F1, F2), "认真贯彻落实“第一议题”制度", ItemKind.TIME_BOUND, DUE,
                        DEPUTY, "办公室", "张干事",
                        List.of(new NewMeasure("m1", "每月召开学习研讨会"), new NewMeasure("m2", "指导各民主党派开展主题教育")),
                        null, null))
                .expectEvents(
                        new ItemAddedEvent(RID, "i1", 1, List.of(F1, F2), "认真贯彻落实“第一议题”制度", ItemKind.TIME_BOUND, DUE,
                                DEPUTY, "王副部长", "办公室", "张干事", false, null),
                        new MeasureAddedEvent(RID, "i1", "m1", 1, "每月召开学习研讨会", false, null),
                        new MeasureAddedEvent(RID, "i1", "m2", 2, "指导各民主党派开展主题教育", false, null));
    }

    @Test
    void aFindingMayHaveSeveralItems() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed(), itemAdded("i1", 1, List.of(F1), ItemKind.IMMEDIATE, null),
                        measureAdded("i1", "m1"))
                .when(addItem("i2", List.of(F1), ItemKind.ONGOING, null, "m2"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnItemForAFindingThatWasNotDelivered() {
        fixture.given(opened())
                .when(addItem("i1", List.of("f-unknown"), ItemKind.IMMEDIATE, null, "m1"))
                .expectException(rule("FINDING_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void refusesATimeBoundItemWithoutADueDate() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed())
                .when(addItem("i1", List.of(F1), ItemKind.TIME_BOUND, null, "m1"))
                .expectException(rule("DUE_DATE_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void refusesAnOngoingItemWithADueDate() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed())
                .when(addItem("i1", List.of(F1), ItemKind.ONGOING, DUE, "m1"))
                .expectException(rule("ONGOING_HAS_NO_DUE_DATE"))
                .expectNoEvents();
    }

    @Test
    void refusesASectionHeadAsResponsibleLeader() {
        fixture.given(opened(), leaderAppointed(), sectionHeadAppointed())
                .when(new AddItemCommand(RID, "i1", List.of(F1), "事项", ItemKind.IMMEDIATE, null, SECTION_HEAD, "办公室",
                        null, List.of(), null, null))
                .expectException(rule("LEADER_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aDraftItemIsRevisedFreelyDueDateIncluded() {
        fixture.given(draftEvents(DUE))
                .when(new ReviseItemCommand(RID, "i3", List.of(F3), "建立健全财务管理制度", ItemKind.TIME_BOUND,
                        DUE.plusMonths(1), null, null))
                .expectEvents(new ItemRevisedEvent(RID, "i3", List.of(F3), "建立健全财务管理制度", ItemKind.TIME_BOUND,
                        DUE.plusMonths(1), false, null));
    }

    @Test
    void aDraftItemCanBeRemoved() {
        fixture.given(draftEvents(DUE))
                .when(new RemoveItemCommand(RID, "i1", null, null))
                .expectEvents(new ItemRemovedEvent(RID, "i1", null));
    }

    @Test
    void adoptsThePlanWhenEveryFindingIsServed() {
        fixture.given(draftEvents(DUE))
                .when(adopt())
                .expectEvents(new PlanAdoptedEvent(RID, "关于落实区委第四巡察组巡察反馈意见的整改方案", "南统〔2023〕20号",
                        LocalDate.of(2023, 10, 10), 3, 3));
    }

    @Test
    void refusesToAdoptAPlanLeavingAFindingWithoutItems() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed(),
                        itemAdded("i1", 1, List.of(F1), ItemKind.IMMEDIATE, null), measureAdded("i1", "m1"),
                        itemAdded("i2", 2, List.of(F2), ItemKind.IMMEDIATE, null), measureAdded("i2", "m2"))
                .when(adopt())
                .expectException(rule("FINDINGS_NOT_COVERED"))
                .expectNoEvents();
    }

    @Test
    void refusesToAdoptWithoutAGroupLeader() {
        fixture.given(opened(), deputyAppointed(),
                        itemAdded("i1", 1, List.of(F1, F2, F3), ItemKind.IMMEDIATE, null), measureAdded("i1", "m1"))
                .when(adopt())
                .expectException(rule("GROUP_LEADER_MISSING"))
                .expectNoEvents();
    }

    @Test
    void refusesToAdoptAnItemWithoutMeasures() {
        fixture.given(opened(), leaderAppointed(), deputyAppointed(),
                        new ItemAddedEvent(RID, "i1", 1, List.of(F1, F2, F3), "事项", ItemKind.IMMEDIATE, null, DEPUTY,
                                "王副部长", "办公室", null, false, null))
                .when(adopt())
                .expectException(rule("ITEMS_WITHOUT_MEASURES"))
                .expectNoEvents();
    }

    @Test
    void refusesToAdoptAnItemWithoutResponsibility() {
        fixture.given(opened(), leaderAppointed(),
                        new ItemAddedEvent(RID, "i1", 1, List.of(F1, F2, F3), "事项", ItemKind.IMMEDIATE, null, null, null,
                                null, null, false, null),
                        new MeasureAddedEvent(RID, "i1", "m1", 1, "一是", false, null))
                .when(adopt())
                .expectException(rule("RESPONSIBILITY_MISSING"))
                .expectNoEvents();
    }

    @Test
    void refusesToAdoptTwice() {
        fixture.given(adoptedEvents(DUE))
                .when(adopt())
                .expectException(rule("PLAN_ALREADY_ADOPTED"))
                .expectNoEvents();
    }

    @Test
    void afterAdoptionAChangeOfAnItemNeedsAReason() {
        fixture.given(adoptedEvents(DUE))
                .when(new ReviseItemCommand(RID, "i3", List.of(F3), "建立健全财务管理制度", ItemKind.TIME_BOUND, DUE, null, null))
                .expectException(rule("REASON_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void afterAdoptionAChangeOfAnItemIsRecordedWithItsReason() {
        fixture.given(adoptedEvents(DUE))
                .when(new ReviseItemCommand(RID, "i3", List.of(F3), "建立健全财务管理制度", ItemKind.TIME_BOUND, DUE,
                        "表述更准确", null))
                .expectEvents(new ItemRevisedEvent(RID, "i3", List.of(F3), "建立健全财务管理制度", ItemKind.TIME_BOUND, DUE,
                        true, "表述更准确"));
    }

    @Test
    void afterAdoptionADueDateMovesOnlyByAnApprovedExtension() {
        fixture.given(adoptedEvents(DUE))
                .when(new ReviseItemCommand(RID, "i3", List.of(F3), "整改事项 i3", ItemKind.TIME_BOUND, DUE.plusDays(30),
                        "时间不够", null))
                .expectException(rule("USE_EXTENSION"))
                .expectNoEvents();
    }

    @Test
    void afterAdoptionAnItemCannotBeRemoved() {
        fixture.given(adoptedEvents(DUE))
                .when(new RemoveItemCommand(RID, "i1", "不需要了", null))
                .expectException(rule("PLAN_ADOPTED"))
                .expectNoEvents();
    }

    @Test
    void afterAdoptionAnAddedItemCarriesItsReason() {
        AddItemCommand add = new AddItemCommand(RID, "i4", List.of(F3), "加强专项结余资金管理", ItemKind.IMMEDIATE, null,
                DEPUTY, "财务股", null, List.of(new NewMeasure("m4", "由区财政局根据批复划拨")), "回头看发现新问题", null);
        fixture.given(adoptedEvents(DUE))
                .when(add)
                .expectEvents(
                        new ItemAddedEvent(RID, "i4", 4, List.of(F3), "加强专项结余资金管理", ItemKind.IMMEDIATE, null, DEPUTY,
                                "王副部长", "财务股", null, true, "回头看发现新问题"),
                        new MeasureAddedEvent(RID, "i4", "m4", 1, "由区财政局根据批复划拨", true, "回头看发现新问题"));
    }

    @Test
    void afterAdoptionChangingResponsibilityNeedsAReasonAndRecordsWhoAnsweredBefore() {
        fixture.given(history(adoptedEvents(DUE), new GroupMemberAppointedEvent(RID, "m-deputy-2", "刘副部长", "副部长",
                        io.zhenggai.api.rectification.LeadershipRole.DEPUTY, LocalDate.of(2024, 1, 2))))
                .when(new AssignResponsibilityCommand(RID, "i3", "m-deputy-2", "财务股", "李会计", "分工调整", null))
                .expectEvents(new ResponsibilityAssignedEvent(RID, "i3", "m-deputy-2", "刘副部长", "财务股", "李会计",
                        DEPUTY, "王副部长", "办公室", "张干事", true, "分工调整"));
    }

    @Test
    void afterAdoptionChangingResponsibilityWithoutAReasonIsRefused() {
        fixture.given(adoptedEvents(DUE))
                .when(new AssignResponsibilityCommand(RID, "i3", DEPUTY, "财务股", null, null, null))
                .expectException(rule("REASON_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void afterAdoptionAMeasureWithProgressCannotBeRemoved() {
        fixture.given(adoptedEvents(DUE))
                .andGiven(new MeasureAddedEvent(RID, "i3", "m3b", 2, "二是组织学习", true, "补充措施"),
                        new ProgressRecordedEvent(RID, "p1", "i3", "m3", LocalDate.of(2023, 11, 1), ItemStatus.IN_PROGRESS,
                                ItemStatus.IN_PROGRESS, ItemStatus.NOT_STARTED, "按方案推进", List.of(document("e1"))))
                .when(new RemoveMeasureCommand(RID, "i3", "m3", "合并措施", null))
                .expectException(rule("MEASURE_HAS_PROGRESS"))
                .expectNoEvents();
    }

    @Test
    void measuresAreNumberedInTheOrderAdded() {
        fixture.given(draftEvents(DUE))
                .when(new AddMeasureCommand(RID, "i3", "m3b", "二是组织学习采购制度", null, null))
                .expectEvents(new MeasureAddedEvent(RID, "i3", "m3b", 2, "二是组织学习采购制度", false, null));
    }
}
