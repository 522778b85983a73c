package io.zhenggai.publication.compose;

import io.zhenggai.api.inspection.InspectionEvents.InspectionJoinedRoundEvent;
import io.zhenggai.api.inspection.InspectionEvents.InspectionScheduledEvent;
import io.zhenggai.api.inspection.InspectionEvents.RoundCreatedEvent;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import io.zhenggai.api.rectification.RectificationEvents.AccountabilityRecordedEvent;
import io.zhenggai.api.rectification.RectificationEvents.ProcessMetricRecordedEvent;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.publication.notice.NarrativeChecks;
import io.zhenggai.publication.notice.NoticeDocument;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round's facts are the sum of its units', each unit folded as its own notice folds it (ADR 0026). The round here:
 * the seed case's inspection (joined to the round after it was scheduled), a second unit not yet given its feedback,
 * and an inspection of another round that must not count.
 */
class RoundFactsFolderTest {

    static final String ROUND = "r1";
    static final SeedCase SEED = SeedCase.load();

    static InspectionScheduledEvent scheduled(String inspectionId, String roundId) {
        return new InspectionScheduledEvent(inspectionId, roundId, "区委第五巡察组", "区某某局", "区委统一部署", List.of(),
                LocalDate.of(2023, 6, 1), LocalDate.of(2023, 7, 1), InspectionKind.XUNCHA, null, null);
    }

    static List<Object> events() {
        List<Object> events = new ArrayList<>();
        events.add(new RoundCreatedEvent(ROUND, "区委2023年第二轮巡察", "中共某某区委", LocalDate.of(2023, 5, 1),
                LocalDate.of(2023, 12, 31)));
        events.addAll(SEED.events());
        events.add(new InspectionJoinedRoundEvent(SEED.inspectionId(), ROUND, null));
        events.add(scheduled("u2", ROUND));
        events.add(scheduled("u3", "another-round"));
        events.add(new ProcessMetricRecordedEvent(RectificationIds.forInspection(SEED.inspectionId()), "pm1",
                ProcessMetricKind.WORK_REMINDERS_SENT, null, 12, LocalDate.of(2024, 1, 10), null));
        events.add(new ProcessMetricRecordedEvent(RectificationIds.forInspection("u3"), "pm1",
                ProcessMetricKind.TALKS_HELD, null, 40, LocalDate.of(2024, 1, 10), null));
        return events;
    }

    static NoticeFacts fold(List<Object> events, String roundId) {
        RoundFactsFolder.Members members = new RoundFactsFolder.Members(roundId);
        events.forEach(members::accept);
        RoundFactsFolder folder = new RoundFactsFolder(members);
        events.forEach(folder::accept);
        return folder.facts();
    }

    static NoticeFacts unit() {
        NoticeFactsFolder folder = new NoticeFactsFolder(SEED.inspectionId());
        events().forEach(folder::accept);
        return folder.facts();
    }

    @Test
    void aRoundStatesTheSumOfItsUnitsEachFoldedAsItsOwnNotice() {
        NoticeFacts round = fold(events(), ROUND);
        NoticeFacts seed = unit();

        assertThat(round.ofRound()).isTrue();
        assertThat(round.inspectionId()).isNull();
        assertThat(round.round().name()).isEqualTo("区委2023年第二轮巡察");
        assertThat(round.round().inspections()).isEqualTo(2);
        assertThat(round.round().rectifications()).isEqualTo(1);
        assertThat(round.round().units()).extracting(NoticeFacts.Unit::inspectionId).containsExactly(SEED.inspectionId(), "u2");
        assertThat(round.totals()).isEqualTo(seed.totals()); // the second unit has no findings yet
        assertThat(round.round().units().get(0).totals()).isEqualTo(seed.totals());
        assertThat(round.regulations().count()).isEqualTo(seed.regulations().count());
        assertThat(round.meetings()).isEqualTo(seed.meetings());
        assertThat(round.feedbackDate()).isEqualTo(seed.feedbackDate());
        assertThat(round.round().processMetrics()).singleElement()
                .satisfies(m -> assertThat(m.label() + m.count()).isEqualTo("工作提醒12"));
        // only what some unit recorded: the seed recorded no accountability and no money
        assertThat(round.accountability()).isEmpty();
        assertThat(round.money()).isEmpty();
    }

    @Test
    void accountabilityStatedWithoutANumberStaysUncountedInTheRound() {
        List<Object> events = events();
        String rect = RectificationIds.forInspection(SEED.inspectionId());
        LocalDate day = LocalDate.of(2024, 1, 12);
        events.add(new AccountabilityRecordedEvent(rect, "a1", AccountabilityKind.HANDLING, day, 0, List.of(), List.of(),
                "对相关责任人员作出处理", true));
        events.add(new AccountabilityRecordedEvent(rect, "a2", AccountabilityKind.ADMONITION, day, 2, List.of(), List.of(), null));
        NoticeFacts round = fold(events, ROUND);
        assertThat(round.accountability()).containsExactly(
                new NoticeFacts.AccountabilityCount(AccountabilityKind.ADMONITION, "诫勉", 2, false),
                new NoticeFacts.AccountabilityCount(AccountabilityKind.HANDLING, "处理", 0, true));
        assertThat(io.zhenggai.publication.notice.RoundNoticeRenderer.figures(round, RateStyle.TWO_DECIMALS))
                .contains("问责方面，诫勉2人次，对相关责任人员作出处理。").doesNotContain("处理0");
    }

    @Test
    void aRoundsFactsReadBackAsTheyWereWritten() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        NoticeFacts round = fold(events(), ROUND);
        assertThat(json.readValue(json.writeValueAsString(round), NoticeFacts.class)).isEqualTo(round);
        NoticeFacts seed = unit();
        String unitJson = json.writeValueAsString(seed);
        assertThat(unitJson).doesNotContain("\"round\""); // a unit's facts are written as before rounds existed
        assertThat(json.readValue(unitJson, NoticeFacts.class)).isEqualTo(seed);
    }

    @Test
    void anInspectionThatLeftTheRoundDoesNotCountAndAnUnknownRoundHasNoFacts() {
        List<Object> events = events();
        events.add(new InspectionJoinedRoundEvent("u2", "another-round", ROUND));
        assertThat(fold(events, ROUND).round().inspections()).isEqualTo(1);
        assertThat(fold(events, "another-round").round().units()).extracting(NoticeFacts.Unit::inspectionId)
                .containsExactly("u2", "u3");
        assertThat(fold(events, "no-such-round")).isNull();
    }

    @Test
    void theRoundNoticeWritesTheRoundsFiguresAndAPartPerUnit() {
        NoticeFacts round = fold(events(), ROUND);
        NoticeFacts.Totals t = round.totals();
        NoticeSettings settings = new NoticeSettings("区委巡察办", LocalDate.of(2024, 3, 25), null,
                NoticeSettings.PROACTIVE_DISCLOSURE, null, NoticeSettings.Blocks.none(), List.of(), RateStyle.TWO_DECIMALS);
        NoticeNarrative narrative = new NoticeNarrative("{{roundName}}整改进展情况的通报",
                List.of(new NoticeNarrative.Section(null, "本轮共巡察{{roundInspectionCount}}个单位。")), List.of(), null);
        String text = NoticeRenderer.render(new NoticeDocument(round, narrative, settings, null, null, 1, null)).text();

        assertThat(text).startsWith("区委2023年第二轮巡察整改进展情况的通报\n\n根据中共某某区委统一部署，2023年5月1日至12月31日，"
                        + "开展区委2023年第二轮巡察，对2个单位进行了巡察。现将本轮巡察整改进展情况予以公布。\n\n一、巡察整改总体情况\n\n"
                        + "截至目前，本轮共巡察2个单位，1个单位已启动整改。共反馈问题" + t.findings() + "个，已完成整改" + t.findingsCompleted() + "个")
                .contains("发出工作提醒12次。\n\n本轮共巡察2个单位。\n\n二、各单位整改情况\n\n（一）" + unit().inspectedUnit())
                .contains("（二）区某某局\n\n区委第五巡察组尚未反馈巡察意见。")
                .endsWith("区委巡察办\n\n2024年3月25日\n")
                .doesNotContain("巡视");
        assertThat(NarrativeChecks.approvalIssues(round, narrative, settings)).isEmpty();
        NoticeNarrative wrong = new NoticeNarrative("通报", List.of(new NoticeNarrative.Section(null, "本轮共巡察3个单位。")),
                List.of(), null);
        assertThat(NarrativeChecks.approvalIssues(round, wrong, settings)).extracting(NarrativeChecks.Issue::code)
                .containsExactly("NUMBER_CONTRADICTS_LEDGER");
    }
}
