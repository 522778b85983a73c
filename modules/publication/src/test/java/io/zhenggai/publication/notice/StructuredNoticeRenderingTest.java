package io.zhenggai.publication.notice;

import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice as structured text: every expected text below is written by hand. */
class StructuredNoticeRenderingTest {

    static final NoticeFacts.Totals TOTALS = new NoticeFacts.Totals(2, 1, 0, 1, 0, 0, 0, 0, 2, 1, 0, 1, 0, 0, 3,
            new BigDecimal("50"), new BigDecimal("50"));

    static NoticeFacts facts(List<NoticeFacts.AccountabilityCount> accountability, List<NoticeFacts.MoneyTotal> money) {
        NoticeFacts.Category c = new NoticeFacts.Category("c1", 1, "关于作风建设方面",
                List.of(new NoticeFacts.Finding("f1", 1, "公务接待不规范", List.of("接待超标准。", "陪同人员超规定。")),
                        new NoticeFacts.Finding("f2", 2, "公车管理不严", List.of())),
                List.of(new NoticeFacts.Item("i1", 1, "规范公务接待", List.of("f1"), ItemKind.IMMEDIATE, ItemStatus.COMPLETED,
                                false, null, null, List.of(new NoticeFacts.Measure("m1", 1, "修订接待办法。", ItemStatus.COMPLETED, null),
                                new NoticeFacts.Measure("m2", 2, "开展专项检查。", ItemStatus.COMPLETED, null))),
                        new NoticeFacts.Item("i2", 2, "加强公车管理", List.of("f2"), ItemKind.TIME_BOUND, ItemStatus.IN_PROGRESS,
                                false, null, null, List.of(new NoticeFacts.Measure("m3", 1, "实行动态排班。", ItemStatus.IN_PROGRESS, null)))));
        return new NoticeFacts("ins", "rect", "市委第二巡察组", "市交通局", "市委统一部署", List.of("中国共产党巡视工作条例"),
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 6, 5), null, null, List.of(),
                List.of(c), List.of(), new NoticeFacts.Regulations(0, 0, 0, List.of()), accountability, money, TOTALS,
                InspectionKind.XUNCHA, null, null);
    }

    static NoticeFacts facts() {
        return facts(List.of(), List.of());
    }

    static NoticeSettings settings(NoticeSettings.Blocks blocks, NoticeSettings.Layout layout, NoticeSettings.Vocabulary words) {
        return new NoticeSettings("市交通局", LocalDate.of(2024, 8, 1), null, NoticeSettings.PROACTIVE_DISCLOSURE, null,
                blocks, List.of(), RateStyle.WHOLE_PERCENT, layout, words);
    }

    static String render(NoticeFacts f, NoticeNarrative n, NoticeSettings s) {
        return NoticeRenderer.render(new NoticeDocument(f, n, s, null, null, 1, null)).text();
    }

    static final NoticeNarrative PLAIN = new NoticeNarrative("通报", List.of(), List.of(), null);
    static final NoticeNarrative.Section NEXT = new NoticeNarrative.Section("持续巩固成果", "坚持长效机制。");
    static final NoticeNarrative.Section DUTY = new NoticeNarrative.Section("加强领导", "成立领导小组。");

    @Test
    void anEmptyResponsibilitySectionDoesNotPrintAndTheNumberingFollowsTheSectionsThatPrint() {
        String text = render(facts(), new NoticeNarrative("通报", List.of(), List.of(NEXT), null),
                settings(NoticeSettings.Blocks.none(), null, null));
        assertThat(text).isEqualTo("""
                通报

                根据市委统一部署，2024年3月1日至4月30日，市委第二巡察组对市交通局进行了巡察。2024年6月5日，市委第二巡察组向市交通局反馈巡察意见。根据《中国共产党巡视工作条例》等有关规定，现将巡察整改进展情况予以公布。

                一、巡察反馈问题整改落实情况

                （一）关于作风建设方面

                1.规范公务接待

                一是修订接待办法。二是开展专项检查。

                2.加强公车管理

                实行动态排班。

                二、下一步工作打算

                （一）持续巩固成果

                坚持长效机制。

                市交通局

                2024年8月1日
                """);
    }

    @Test
    void headingsCanBeWordedWithPlaceholdersOrLeftOut() {
        NoticeNarrative n = new NoticeNarrative("通报", List.of(DUTY), List.of(NEXT), null, null,
                new NoticeNarrative.Headings("{{inspectedUnit}}党组落实{{inspectionRectification}}主体责任情况", "", "下一步打算"));
        String text = render(facts(), n, settings(NoticeSettings.Blocks.none(), null, null));
        assertThat(text).contains("""
                一、市交通局党组落实巡察整改主体责任情况

                （一）加强领导

                成立领导小组。

                （一）关于作风建设方面""").contains("""
                二、下一步打算

                （一）持续巩固成果""").doesNotContain("反馈问题整改落实情况").doesNotContain("三、");
    }

    @Test
    void theProblemLevelRendersManifestationsThenTheRectificationThenTheMeasures() {
        String text = render(facts(), PLAIN, settings(NoticeSettings.Blocks.none(), NoticeSettings.Layout.PROBLEMS, null));
        assertThat(text).contains("""
                一、巡察反馈问题整改落实情况

                （一）关于作风建设方面

                1.公务接待不规范

                接待超标准。

                陪同人员超规定。

                整改情况：一是修订接待办法。二是开展专项检查。

                2.公车管理不严

                整改情况：实行动态排班。

                市交通局
                """).doesNotContain("规范公务接待");
    }

    @Test
    void inTheProblemLayoutAProblemAnsweredOnlyByUntitledItemsHasNoHeadingAndTakesNoNumber() {
        NoticeSettings untitledFirst = new NoticeSettings("市交通局", LocalDate.of(2024, 8, 1), null, null, null,
                NoticeSettings.Blocks.none(), List.of("i1"), RateStyle.WHOLE_PERCENT, NoticeSettings.Layout.PROBLEMS, null);
        assertThat(render(facts(), PLAIN, untitledFirst)).contains("""
                （一）关于作风建设方面

                接待超标准。

                陪同人员超规定。

                整改情况：一是修订接待办法。二是开展专项检查。

                1.公车管理不严

                整改情况：实行动态排班。
                """);
        NoticeSettings untitledSecond = new NoticeSettings("市交通局", LocalDate.of(2024, 8, 1), null, null, null,
                NoticeSettings.Blocks.none(), List.of("i2"), RateStyle.WHOLE_PERCENT, NoticeSettings.Layout.PROBLEMS, null);
        assertThat(render(facts(), PLAIN, untitledSecond)).contains("""
                整改情况：一是修订接待办法。二是开展专项检查。

                实行动态排班。

                市交通局
                """).doesNotContain("公车管理不严").doesNotContain("2.");
    }

    @Test
    void inTheProblemLayoutAnItemThatAnswersNoProblemOfItsCategoryIsStillWritten() {
        NoticeFacts f = facts();
        NoticeFacts.Category c = f.categories().get(0);
        NoticeFacts.Item extra = new NoticeFacts.Item("i3", 3, "健全长效机制", List.of(), ItemKind.ONGOING, ItemStatus.IN_PROGRESS,
                false, null, null, List.of(new NoticeFacts.Measure("m4", 1, "建立定期检查制度。", ItemStatus.IN_PROGRESS, null)));
        NoticeFacts.Category withExtra = new NoticeFacts.Category(c.categoryId(), c.ordinal(), c.title(), c.findings(),
                List.of(c.items().get(0), c.items().get(1), extra));
        NoticeFacts g = new NoticeFacts(f.inspectionId(), f.rectificationId(), f.inspectingBody(), f.inspectedUnit(), f.mandate(),
                f.legalBasis(), f.fieldworkStart(), f.fieldworkEnd(), f.feedbackDate(), null, null, List.of(), List.of(withExtra),
                List.of(), f.regulations(), List.of(), List.of(), TOTALS, InspectionKind.XUNCHA, null, null);
        assertThat(render(g, PLAIN, settings(NoticeSettings.Blocks.none(), NoticeSettings.Layout.PROBLEMS, null))).contains("""
                2.公车管理不严

                整改情况：实行动态排班。

                3.健全长效机制

                建立定期检查制度。
                """);
    }

    @Test
    void handlingStatedWithoutANumberReadsAsOneClauseApartFromTheCounts() {
        NoticeFacts f = facts(List.of(
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.ADMONITION, "诫勉", 2, false),
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.HANDLING, "处理", 0, true),
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.CRITICISM_EDUCATION, "批评教育", 5, false)),
                List.of());
        assertThat(render(f, PLAIN, settings(ACCOUNTABILITY_AND_MONEY, null, null)))
                .contains("截至目前，问责方面，诫勉2人次，对相关责任人员作出处理。在专题民主生活会上，批评教育5人次。\n");
        NoticeFacts only = facts(List.of(new NoticeFacts.AccountabilityCount(AccountabilityKind.HANDLING, "处理", 0, true)), List.of());
        assertThat(render(only, PLAIN, settings(ACCOUNTABILITY_AND_MONEY, null, null)))
                .contains("截至目前，问责方面，对相关责任人员作出处理。\n").doesNotContain("处理0");
    }

    @Test
    void theItemLayoutStaysTheDefault() {
        assertThat(render(facts(), PLAIN, settings(NoticeSettings.Blocks.none(), null, null)))
                .isEqualTo(render(facts(), PLAIN, settings(NoticeSettings.Blocks.none(), NoticeSettings.Layout.ITEMS, null)))
                .contains("1.规范公务接待").doesNotContain("整改情况：");
    }

    @Test
    void theUnitWordsTheOpeningAndItsFactsStayPlaceholders() {
        NoticeNarrative n = new NoticeNarrative("通报", List.of(), List.of(), null,
                "按照党务公开原则，{{fieldworkPeriod}}，{{inspectingBody}}对{{inspectedUnit}}开展了{{inspectionKind}}，"
                        + "{{feedbackDate}}反馈了{{inspectionOpinions}}。现将{{inspectionRectification}}进展情况公布如下。", null);
        String text = render(facts(), n, settings(NoticeSettings.Blocks.none(), null, null));
        assertThat(text).startsWith("""
                通报

                按照党务公开原则，2024年3月1日至4月30日，市委第二巡察组对市交通局开展了巡察，2024年6月5日反馈了巡察意见。现将巡察整改进展情况公布如下。

                一、巡察反馈问题整改落实情况
                """);
        assertThat(NarrativeChecks.approvalIssues(facts(), n, settings(NoticeSettings.Blocks.none(), null, null))).isEmpty();
    }

    @Test
    void aWrongPlaceholderOrAHandTypedCountInTheOpeningIsCaught() {
        NoticeNarrative n = new NoticeNarrative("通报", List.of(), List.of(), null,
                "{{inspectedUnit}}共收到{{inspectingUnit}}反馈的3个方面5项问题。", null);
        List<NarrativeChecks.Issue> issues = NarrativeChecks.approvalIssues(facts(), n,
                settings(NoticeSettings.Blocks.none(), null, null));
        assertThat(issues).extracting(NarrativeChecks.Issue::code, NarrativeChecks.Issue::field)
                .contains(org.assertj.core.groups.Tuple.tuple("UNKNOWN_PLACEHOLDER", "opening"),
                        org.assertj.core.groups.Tuple.tuple("NUMBER_CONTRADICTS_LEDGER", "opening"));
    }

    static final NoticeSettings.Blocks ACCOUNTABILITY_AND_MONEY = new NoticeSettings.Blocks(false, false, true, true, false, false, false);

    @Test
    void onlyTheKindsRecordedPrintAStatedZeroPrintsAndCriticismStandsApart() {
        NoticeFacts f = facts(List.of(
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.GOVERNMENT_SANCTION, "政务处分", 0, false),
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.ORGANISATIONAL_HANDLING, "组织处理", 0, true),
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.DISCIPLINE_REFERRAL, "移交纪委监委", 1, false),
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.CRITICISM_EDUCATION, "批评教育", 3, false)),
                List.of(new NoticeFacts.MoneyTotal(MoneyOutcomeKind.IRREGULAR_FUNDS_REFUNDED, "清退违规资金", new BigDecimal("12345")),
                        new NoticeFacts.MoneyTotal(MoneyOutcomeKind.FUNDS_RECOVERED, "追缴资金", BigDecimal.ZERO)));
        NoticeSettings words = settings(ACCOUNTABILITY_AND_MONEY, null,
                new NoticeSettings.Vocabulary(NoticeSettings.PersonUnit.PERSONS, NoticeSettings.ReferralWording.HAND_OVER));
        assertThat(render(f, PLAIN, words)).contains("""
                一、巡察反馈问题整改落实情况

                截至目前，问责方面，政务处分0人，对相关责任人员作出组织处理，交由纪委调查1人。在专题民主生活会上，批评教育3人。清退违规资金1.2345万元、追缴资金0万元。

                （一）关于作风建设方面""");
        assertThat(render(f, PLAIN, settings(ACCOUNTABILITY_AND_MONEY, null, null)))
                .contains("问责方面，政务处分0人次，对相关责任人员作出组织处理，移交纪委监委1人次。在专题民主生活会上，批评教育3人次。");
    }

    @Test
    void nothingRecordedPrintsNoAccountabilityAndNoMoney() {
        assertThat(render(facts(), PLAIN, settings(ACCOUNTABILITY_AND_MONEY, null, null)))
                .doesNotContain("截至目前").doesNotContain("问责").doesNotContain("万元");
    }

    @Test
    void moneyKeepsTheDecimalsRecorded() {
        NoticeFacts f = facts(List.of(), List.of(
                new NoticeFacts.MoneyTotal(MoneyOutcomeKind.LOSSES_RETRIEVED, "挽回经济损失", new BigDecimal("71325.00")),
                new NoticeFacts.MoneyTotal(MoneyOutcomeKind.PERSONAL_COSTS_RECOVERED, "追回应由个人承担的资金", new BigDecimal("1234.5"))));
        assertThat(render(f, PLAIN, settings(ACCOUNTABILITY_AND_MONEY, null, null)))
                .contains("截至目前，挽回经济损失7.1325万元、追回应由个人承担的资金0.12345万元。");
    }

    @Test
    void placeholdersGiveTheFourLevelCountsAndEachRecordedKind() {
        NoticeFacts f = facts(List.of(new NoticeFacts.AccountabilityCount(AccountabilityKind.ADMONITION, "诫勉", 2, false),
                        new NoticeFacts.AccountabilityCount(AccountabilityKind.ORGANISATIONAL_HANDLING, "组织处理", 0, true)),
                List.of(new NoticeFacts.MoneyTotal(MoneyOutcomeKind.FUNDS_RECOVERED, "追缴资金", new BigDecimal("5250"))));
        Map<String, String> v = Placeholders.values(f, settings(NoticeSettings.Blocks.none(), null, null));
        assertThat(Placeholders.fill("{{categoryCount}}方面{{problemCount}}项问题{{manifestationCount}}个具体表现{{taskCount}}条整改任务", v))
                .isEqualTo("1方面2项问题2个具体表现2条整改任务");
        assertThat(v).containsEntry("accountabilityAdmonitionCount", "2").containsEntry("moneyFundsRecoveredWanYuan", "0.525")
                .containsEntry("findingCompletedCount", "1").containsEntry("itemInProgressCount", "1")
                .doesNotContainKey("accountabilityOrganisationalHandlingCount")
                .doesNotContainKey("accountabilityGovernmentSanctionCount")
                .doesNotContainKey("moneyLossesRetrievedWanYuan");
        NoticeNarrative n = new NoticeNarrative("通报", List.of(new NoticeNarrative.Section(null,
                "诫勉{{accountabilityAdmonitionCount}}人，政务处分{{accountabilityGovernmentSanctionCount}}人。")), List.of(), null);
        assertThat(NarrativeChecks.approvalIssues(f, n, settings(NoticeSettings.Blocks.none(), null, null)))
                .extracting(NarrativeChecks.Issue::code).containsExactly("UNRESOLVED_PLACEHOLDER");
    }
}
