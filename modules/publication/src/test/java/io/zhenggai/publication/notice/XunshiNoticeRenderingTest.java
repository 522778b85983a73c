package io.zhenggai.publication.notice;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.publication.compose.NoticeFactsFolder;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A notice takes every word of its kind from the inspection: a 巡视 prints no "巡察", a 巡察 no "巡视组". */
class XunshiNoticeRenderingTest {

    private static NoticeFacts seedFacts() {
        SeedCase seed = SeedCase.load();
        NoticeFactsFolder folder = new NoticeFactsFolder(seed.inspectionId());
        seed.events().forEach(folder::accept);
        return folder.facts();
    }

    /**
     * The seed's figures as a provincial 巡视 by 省委第二巡视组 of 区委统战部; without the seed's own texts (its
     * categories, measures and plan title speak of its 巡察: what a unit wrote is printed as written).
     */
    private static NoticeFacts asXunshi(NoticeFacts f) {
        return new NoticeFacts(f.inspectionId(), f.rectificationId(), "省委第二巡视组", f.inspectedUnit(), "省委统一部署",
                f.legalBasis(), f.fieldworkStart(), f.fieldworkEnd(), f.feedbackDate(), null, f.office(), f.leadershipGroup(),
                List.of(), List.of(), f.regulations(), f.accountability(), f.money(), f.totals(), InspectionKind.XUNSHI,
                null, InspectionLevel.PROVINCIAL);
    }

    private static String render(NoticeFacts facts, NoticeNarrative narrative) {
        NoticeSettings settings = new NoticeSettings(facts.inspectedUnit(), null, null, NoticeSettings.PROACTIVE_DISCLOSURE,
                null, new NoticeSettings.Blocks(true, true, true, true, true, true, true), List.of(), null);
        return NoticeRenderer.render(new NoticeDocument(facts, narrative, settings, null, null, 1, null)).text();
    }

    @Test
    void aXunshiNoticeSpeaksOfXunshiOnly() {
        NoticeFacts facts = asXunshi(seedFacts());
        NoticeNarrative narrative = new NoticeNarrative("{{inspectedUnit}}关于{{inspectionRectification}}进展情况的通报",
                List.of(new NoticeNarrative.Section("强化责任担当", "认真落实{{inspectionOpinions}}，由{{inspectingBody}}督导。")),
                List.of(), "欢迎对{{inspectionRectification}}落实情况进行监督。");
        String text = render(facts, narrative);

        assertThat(text).doesNotContain("巡察")
                .contains("区委统战部关于巡视整改进展情况的通报")
                .contains("省委第二巡视组对区委统战部进行了巡视。")
                .contains("反馈巡视意见。")
                .contains("现将巡视整改进展情况予以公布。")
                .contains("领导班子履行巡视整改主体责任情况")
                .contains("二、巡视反馈问题整改落实情况")
                .contains("认真落实巡视意见，由省委第二巡视组督导。");
    }

    @Test
    void aXunchaNoticeSpeaksOfXunchaOnly() {
        NoticeFacts facts = seedFacts();
        assertThat(facts.kind()).isEqualTo(InspectionKind.XUNCHA);
        String text = render(facts, new NoticeNarrative("标题", List.of(), List.of(), null));
        assertThat(text).contains("进行了巡察。").contains("一、巡察反馈问题整改落实情况")
                .doesNotContain("领导班子履行").doesNotContain("巡视组").doesNotContain("巡视意见");
    }
}
