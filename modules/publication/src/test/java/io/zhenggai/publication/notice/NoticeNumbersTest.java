package io.zhenggai.publication.notice;

import io.zhenggai.api.finance.FinanceEvents.MoneyOutcomeRecordedEvent;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationEvents.ItemAddedEvent;
import io.zhenggai.api.rectification.RectificationEvents.ProgressRecordedEvent;
import io.zhenggai.api.rectification.RectificationEvents.SupplementaryFindingRecordedEvent;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.publication.compose.NoticeFactsFolder;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers a notice states: statuses, rates as the unit writes them, money with the decimals recorded, and
 * supplementary findings — on the seed case with a few events more.
 */
class NoticeNumbersTest {

    static final SeedCase SEED = SeedCase.load();
    static final String RECT = RectificationIds.forInspection(SEED.inspectionId());

    static NoticeFacts facts(List<Object> more) {
        NoticeFactsFolder folder = new NoticeFactsFolder(SEED.inspectionId());
        SEED.events().forEach(folder::accept);
        more.forEach(folder::accept);
        return folder.facts();
    }

    static NoticeSettings settings(RateStyle style) {
        NoticeSettings s = SEED.settings();
        return new NoticeSettings(s.publishingUnit(), s.dateWritten(), s.indexNumber(), s.disclosure(), s.contacts(),
                new NoticeSettings.Blocks(true, false, false, true, false, false, false), s.untitledItemIds(), style);
    }

    /** A supplementary finding with one item at {@code status}, and 71325.00 yuan recovered. */
    static List<Object> supplementaryAndMoney(ItemStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(new SupplementaryFindingRecordedEvent(RECT, "sup-1", FindingSource.PUBLIC_FEEDBACK.supplementaryCategoryId(),
                99, FindingSource.PUBLIC_FEEDBACK.supplementaryCategoryTitle(), true, 1, "群众反映的问题", "说明",
                FindingSource.PUBLIC_FEEDBACK, "fb-1", LocalDate.of(2024, 1, 5), true));
        events.add(new ItemAddedEvent(RECT, "sup-item", 99, List.of("sup-1"), "整改群众反映的问题", ItemKind.IMMEDIATE, null,
                null, null, "办公室", null, true, "群众反馈"));
        events.add(new ProgressRecordedEvent(RECT, "p-sup", "sup-item", null, LocalDate.of(2024, 2, 1), null, status,
                ItemStatus.NOT_STARTED, null, List.of()));
        events.add(new MoneyOutcomeRecordedEvent("rb", "unit", "m1", MoneyOutcomeKind.FUNDS_RECOVERED,
                new BigDecimal("71325.00"), LocalDate.of(2024, 2, 1), SEED.inspectionId(), null, null, null));
        return events;
    }

    @Test
    void supplementaryFindingsCountAndBasicallyCompletedIsNotInProgress() {
        NoticeFacts plain = facts(List.of());
        NoticeFacts f = facts(supplementaryAndMoney(ItemStatus.BASICALLY_COMPLETED));
        NoticeFacts.Totals t = f.totals();
        assertThat(t.findings()).isEqualTo(plain.totals().findings() + 1);
        assertThat(t.supplementaryFindings()).isEqualTo(1);
        assertThat(t.findingsBasicallyCompleted()).isEqualTo(plain.totals().findingsBasicallyCompleted() + 1);
        assertThat(t.findingsInProgress()).isEqualTo(plain.totals().findingsInProgress());
        assertThat(t.itemsBasicallyCompleted()).isEqualTo(plain.totals().itemsBasicallyCompleted() + 1);
        assertThat(t.findingsCompleted() + t.findingsBasicallyCompleted() + t.findingsInProgress() + t.findingsNotStarted()
                + t.findingsNotCompleted() + t.findingsWithoutItems()).isEqualTo(t.findings());
        assertThat(t.itemsCompleted() + t.itemsBasicallyCompleted() + t.itemsInProgress() + t.itemsNotStarted()
                + t.itemsNotCompleted()).isEqualTo(t.items());
        assertThat(f.categories()).extracting(NoticeFacts.Category::title)
                .contains(FindingSource.PUBLIC_FEEDBACK.supplementaryCategoryTitle());
    }

    @Test
    void theRateIsWrittenAsAWholePercentByDefaultOrWithTwoDecimalsAsTheUnitAsks() {
        NoticeFacts f = facts(supplementaryAndMoney(ItemStatus.NOT_COMPLETED));
        BigDecimal exact = f.totals().completionRate();
        assertThat(exact).isEqualByComparingTo(BigDecimal.valueOf(f.totals().findingsCompleted() * 100L)
                .divide(BigDecimal.valueOf(f.totals().findings()), 10, RoundingMode.HALF_UP));
        String whole = exact.setScale(0, RoundingMode.HALF_UP).toPlainString();
        String two = exact.setScale(2, RoundingMode.HALF_UP).toPlainString();
        assertThat(Placeholders.values(f, settings(null)).get("completionRate")).isEqualTo(whole);
        assertThat(Placeholders.values(f, settings(RateStyle.TWO_DECIMALS)).get("completionRate")).isEqualTo(two);
        assertThat(NoticeRenderer.summary(f, settings(null).blocks(), RateStyle.WHOLE_PERCENT))
                .contains("完成率" + whole + "%").contains("未完成1个");
        assertThat(NoticeRenderer.summary(f, settings(null).blocks(), RateStyle.TWO_DECIMALS)).contains("完成率" + two + "%");
    }

    @Test
    void moneyIsWrittenInWanYuanWithTheDecimalsRecorded() {
        NoticeFacts f = facts(supplementaryAndMoney(ItemStatus.IN_PROGRESS));
        assertThat(NoticeRenderer.summary(f, settings(null).blocks(), RateStyle.WHOLE_PERCENT)).contains("追缴资金7.1325万元");
        assertThat(Placeholders.values(f, settings(null)).get("moneyTotalWanYuan")).isEqualTo("7.1325");
    }

    @Test
    void aHandWrittenRateAgreesWithTheLedgerWhenItIsWrittenTheWayTheNoticeRoundsIt() {
        NoticeFacts f = facts(supplementaryAndMoney(ItemStatus.IN_PROGRESS));
        String whole = RateStyle.WHOLE_PERCENT.text(f.totals().completionRate());
        var narrative = new io.zhenggai.api.publication.NoticeNarrative("通报", List.of(), List.of(),
                "截至目前，完成率" + whole + "%。");
        assertThat(NarrativeChecks.contradictions(f, narrative, settings(null))).isEmpty();
        assertThat(f.totals().completionRate().setScale(2, RoundingMode.HALF_UP)).as("the case has a rate with decimals")
                .isNotEqualByComparingTo(new BigDecimal(whole));
        assertThat(NarrativeChecks.contradictions(f, narrative, settings(RateStyle.TWO_DECIMALS)))
                .as("a whole percent contradicts a notice that writes two decimals")
                .extracting(NarrativeChecks.Issue::code).containsExactly("NUMBER_CONTRADICTS_LEDGER");
    }
}
