package io.zhenggai.publication.compose;

import io.zhenggai.api.inspection.InspectionEvents.InspectionJoinedRoundEvent;
import io.zhenggai.api.inspection.InspectionEvents.RoundCreatedEvent;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import io.zhenggai.api.rectification.RectificationEvents.ProcessMetricRecordedEvent;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.publication.notice.ContentHash;
import io.zhenggai.publication.notice.NarrativeChecks;
import io.zhenggai.publication.notice.NoticeDocument;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.notice.Placeholders;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.zhenggai.api.rectification.ProcessMetricKind.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process metrics (过程性指标) in a unit's notice and a round's: folded from the events into the facts, summed by kind
 * through the ledger, stated by placeholders (one per kind, and one per meeting kind), and a hand-typed figure that
 * contradicts them blocks approval like any other.
 */
class ProcessMetricNoticeTest {

    static final SeedCase SEED = SeedCase.load();

    static ProcessMetricRecordedEvent metric(String inspectionId, String id, ProcessMetricKind kind, MeetingKind meeting, int count) {
        return new ProcessMetricRecordedEvent(RectificationIds.forInspection(inspectionId), id, kind, meeting, count,
                LocalDate.of(2024, 1, 10), null);
    }

    static List<Object> events() {
        List<Object> events = new ArrayList<>(SEED.events());
        String i = SEED.inspectionId();
        events.add(metric(i, "pm1", WORK_REMINDERS_SENT, null, 5));
        events.add(metric(i, "pm2", WORK_REMINDERS_SENT, null, 7));
        events.add(metric(i, "pm3", SUPERVISION_GROUPS_FORMED, null, 3));
        events.add(metric(i, "pm4", ON_SITE_SUPERVISION_VISITS, null, 0));
        events.add(metric(i, "pm5", MEETINGS_HELD, MeetingKind.ORGANISATIONAL_LIFE_MEETING, 4));
        events.add(metric(i, "pm6", MEETINGS_HELD, MeetingKind.PARTY_LECTURE, 2));
        events.add(metric("another-inspection", "pm1", TALKS_HELD, null, 40)); // not this unit's
        return events;
    }

    static NoticeFacts unit(List<Object> events) {
        NoticeFactsFolder folder = new NoticeFactsFolder(SEED.inspectionId());
        events.forEach(folder::accept);
        return folder.facts();
    }

    static NoticeSettings settings() {
        return new NoticeSettings("区委统战部", LocalDate.of(2024, 3, 25), null, NoticeSettings.PROACTIVE_DISCLOSURE, null,
                NoticeSettings.Blocks.none(), List.of(), null);
    }

    static NoticeNarrative narrative(String text) {
        return new NoticeNarrative("通报", List.of(new NoticeNarrative.Section("压实责任", text)), List.of(), null);
    }

    @Test
    void aUnitsFactsCarryItsProcessMetricsSummedByKindAndOnlyTheKindsItRecorded() {
        NoticeFacts f = unit(events());
        assertThat(f.processMetrics()).extracting(m -> m.label() + m.count())
                .containsExactly("工作提醒12", "督导组3", "现场督导0", "组织生活会4", "专题党课2");
        assertThat(f.metrics()).isEqualTo(f.processMetrics());
        assertThat(Placeholders.values(f, settings())).containsEntry("metricWorkRemindersSentCount", "12")
                .containsEntry("metricSupervisionGroupsFormedCount", "3")
                .containsEntry("metricOnSiteSupervisionVisitsCount", "0") // a recorded 0 is stated
                .containsEntry("metricMeetingsHeldCount", "6") // every meeting kind together
                .containsEntry("metricOrganisationalLifeMeetingCount", "4")
                .containsEntry("metricPartyLectureCount", "2")
                .doesNotContainKeys("metricTalksHeldCount", "metricDemocraticLifeMeetingCount"); // nobody recorded them
    }

    @Test
    void theNarrativeStatesTheMetricsThroughPlaceholdersAndAHandTypedFigureThatContradictsThemBlocksApproval() {
        NoticeFacts f = unit(events());
        NoticeNarrative right = narrative("发出工作提醒{{metricWorkRemindersSentCount}}次，成立督导组{{metricSupervisionGroupsFormedCount}}个，"
                + "开展现场督导{{metricOnSiteSupervisionVisitsCount}}次，召开组织生活会{{metricOrganisationalLifeMeetingCount}}次、"
                + "专题党课{{metricPartyLectureCount}}次。");
        String text = NoticeRenderer.render(new NoticeDocument(f, right, settings(), null, null, 1, null)).text();
        assertThat(text).contains("（一）压实责任\n\n发出工作提醒12次，成立督导组3个，开展现场督导0次，召开组织生活会4次、专题党课2次。\n\n");
        assertThat(NarrativeChecks.approvalIssues(f, right, settings())).isEmpty();

        NoticeNarrative wrong = narrative("发出工作提醒11次，成立3个督导组，开展现场督导2次，召开组织生活会4次、专题党课5场。");
        assertThat(NarrativeChecks.approvalIssues(f, wrong, settings()))
                .extracting(NarrativeChecks.Issue::code, NarrativeChecks.Issue::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("NUMBER_CONTRADICTS_LEDGER",
                                "“工作提醒11次”与台账不符：台账为12，请改用占位符 {{metricWorkRemindersSentCount}}"),
                        org.assertj.core.groups.Tuple.tuple("NUMBER_CONTRADICTS_LEDGER",
                                "“现场督导2次”与台账不符：台账为0，请改用占位符 {{metricOnSiteSupervisionVisitsCount}}"),
                        org.assertj.core.groups.Tuple.tuple("NUMBER_CONTRADICTS_LEDGER",
                                "“专题党课5场”与台账不符：台账为2，请改用占位符 {{metricPartyLectureCount}}"));

        // a kind the unit never recorded has no value: its placeholder blocks approval, a typed figure is not judged
        NoticeNarrative unrecorded = narrative("开展谈心谈话{{metricTalksHeldCount}}人次，谈心谈话30人次。");
        assertThat(NarrativeChecks.approvalIssues(f, unrecorded, settings())).extracting(NarrativeChecks.Issue::code)
                .containsExactly("UNRESOLVED_PLACEHOLDER");
    }

    @Test
    void factsWithoutProcessMetricsKeepTheirJsonAndContentHash() throws Exception {
        NoticeFacts without = unit(SEED.events());
        assertThat(without.processMetrics()).isEmpty();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        String written = json.writeValueAsString(without);
        assertThat(written).doesNotContain("processMetrics");
        NoticeFacts read = json.readValue(written, NoticeFacts.class);
        assertThat(read).isEqualTo(without);
        NoticeNarrative n = narrative("成立领导小组。");
        assertThat(ContentHash.of(read, n, settings())).isEqualTo(ContentHash.of(without, n, settings()));
        NoticeFacts with = unit(events());
        assertThat(json.readValue(json.writeValueAsString(with), NoticeFacts.class)).isEqualTo(with);
    }

    @Test
    void aRoundNoticesPlaceholdersGiveTheSumsOfItsUnits() {
        List<Object> events = new ArrayList<>();
        events.add(new RoundCreatedEvent("r1", "区委2023年第二轮巡察", "中共某某区委", LocalDate.of(2023, 5, 1),
                LocalDate.of(2023, 12, 31)));
        events.addAll(events());
        events.add(new InspectionJoinedRoundEvent(SEED.inspectionId(), "r1", null));
        RoundFactsFolder.Members members = new RoundFactsFolder.Members("r1");
        events.forEach(members::accept);
        RoundFactsFolder folder = new RoundFactsFolder(members);
        events.forEach(folder::accept);
        NoticeFacts round = folder.facts();

        assertThat(round.processMetrics()).isEmpty(); // a round's sums live in its RoundFacts
        assertThat(round.metrics()).isEqualTo(round.round().processMetrics()).isEqualTo(unit(events()).processMetrics());
        assertThat(Placeholders.values(round, settings())).containsEntry("metricWorkRemindersSentCount", "12")
                .containsEntry("metricMeetingsHeldCount", "6");
    }
}
