package io.zhenggai.publication.notice;

import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.publication.compose.NoticeFactsFolder;
import io.zhenggai.publication.testing.NoticeTextComparison;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real case: the events of the seed case folded into facts, the narrative typed from it, rendered as text —
 * must read like the published original, paragraph for paragraph.
 */
class SeedNoticeRenderingTest {

    static SeedCase seed;
    static NoticeFacts facts;
    static String text;

    @BeforeAll
    static void render() {
        seed = SeedCase.load();
        NoticeFactsFolder folder = new NoticeFactsFolder(seed.inspectionId());
        seed.events().forEach(folder::accept);
        facts = folder.facts();
        text = NoticeRenderer.render(new NoticeDocument(facts, seed.narrative(), seed.settings(), seed.windowStart(),
                seed.windowEnd(), 1, null)).text();
    }

    @Test
    void readsLikeThePublishedNoticeParagraphForParagraph() {
        NoticeTextComparison.Report report = NoticeTextComparison.compare(SeedCase.sourceText(), text);
        assertThat(report.overall()).as(report.describe()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.below(0.95)).as(report.describe()).isEmpty();
        System.out.println(report.describe());
    }

    @Test
    void findsEveryHeadingOfTheSourceExactly() {
        List<String> ours = NoticeTextComparison.paragraphs(text);
        List<String> headings = NoticeTextComparison.sourceParagraphs(SeedCase.sourceText()).stream()
                .filter(p -> p.matches("^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d+[.．]).*")).toList();
        assertThat(headings).hasSize(3 + 3 + 4 + (4 + 4 + 2) + 4); // 一二三, 一's （一）…, categories, items 1. …, next steps
        assertThat(ours).containsAll(headings);
    }

    @Test
    void findsEveryMeasureInTheRenderedText() {
        for (String measure : seed.measureTexts()) {
            assertThat(text).contains(measure);
        }
    }

    @Test
    void fillsThePlaceholdersFromTheLedger() {
        assertThat(text).contains("制定《中共佛山市南海区委统战部关于落实区委第四巡察组巡察反馈意见的整改方案》。")
                .contains("健全完善制度7项。")
                .doesNotContain("{{");
        assertThat(facts.regulations().count()).isEqualTo(7);
        assertThat(facts.regulations().revised()).isEqualTo(5); // seeds/nanhai-2023-tzb.json: five revised, two enacted (assumption A8)
    }

    @Test
    void writesTheOpeningFromTheInspectionFacts() {
        assertThat(NoticeRenderer.opening(facts)).isEqualTo("根据区委统一部署，2023年6月8日至7月28日，区委第四巡察组对区委统战部进行了巡察。"
                + "2023年9月12日，区委第四巡察组向区委统战部反馈巡察意见。根据《中国共产党巡视工作条例》和《中国共产党党内监督条例》等有关规定，"
                + "现将巡察整改进展情况予以公布。");
    }

    @Test
    void writesTheWindowAndContactsInTheClosingParagraph() {
        assertThat(text).contains("请及时向我们反映。公开期限：2024年3月25日至2024年4月25日。联系方式：电话 0757-86282102；"
                + "邮政地址：佛山市南海区桂城街道南新三路7号，邮政编码：528200；电子邮箱：tzb@nanhai.gov.cn。\n\n中共佛山市南海区委统战部\n\n2024年3月25日\n");
    }

    @Test
    void rendersASingleUntitledItemAsItsMeasureText() {
        assertThat(text).contains("（四）关于落实巡察、审计等监督发现问题整改和成果运用情况方面\n\n加强专项结余资金管理，如有符合政策申请需要发放专项资金");
    }
}
