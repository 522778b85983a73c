package io.zhenggai.workbench.notice;

import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.PublicationQueries.NoticeIssue;
import io.zhenggai.api.publication.PublicationQueries.RenderedNoticeView;
import io.zhenggai.api.publication.PublicationQueries.RenderedSection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each message of the checker lands at the sentence it concerns, in the form and in the rendered preview. */
class NoticePreviewTest {

    private static final NoticeNarrative NARRATIVE = new NoticeNarrative("关于整改进展情况的通报",
            List.of(new NoticeNarrative.Section("务求实效", "制定整改方案。健全完善制度9项，堵塞漏洞。下一步继续。")),
            List.of(new NoticeNarrative.Section(null, "落实{{noSuch}}要求。")), "欢迎监督。");

    @Test
    void aQuotedNumberLandsAtItsSentence() {
        RenderedNoticeView rendered = new RenderedNoticeView("n1", "text", List.of(
                new RenderedSection("1.1", 3, "（一）务求实效", List.of("制定整改方案。健全完善制度9项，堵塞漏洞。下一步继续。")),
                new RenderedSection("3", 2, "三、下一步工作打算", List.of("落实要求。"))),
                List.of(new NoticeIssue("NUMBER_CONTRADICTS_LEDGER", "responsibilitySections[0].text",
                        "“制度9项”与台账不符：台账为7，请改用占位符 {{regulationCount}}"),
                        new NoticeIssue("DATE_WRITTEN_REQUIRED", "dateWritten", "必须写明成文日期")));
        NoticePreview preview = NoticePreview.of(rendered, NARRATIVE);

        assertThat(preview.issues().get(0).sentence()).isEqualTo("健全完善制度9项，堵塞漏洞。");
        assertThat(preview.issues().get(0).fieldLabel()).isEqualTo("责任落实第1段正文");
        assertThat(preview.issues().get(1).sentence()).isNull();
        assertThat(preview.issues().get(1).fieldLabel()).isEqualTo("成文日期");
        assertThat(preview.sections().get(0).paragraphs().get(0).issues()).containsExactly(preview.issues().get(0).message());
        assertThat(preview.sections().get(1).paragraphs().get(0).issues()).isEmpty();
    }

    @Test
    void aPlaceholderNamedInTheMessageFindsItsSentence() {
        assertThat(NoticePreview.sentence("第一句。落实{{noSuch}}要求；第三句。", "不存在的占位符：{{noSuch}}（可用：…）"))
                .isEqualTo("落实{{noSuch}}要求；");
        assertThat(NoticePreview.sentence("没有这个。", "“制度9项”与台账不符")).isNull();
        assertThat(NoticePreview.sentence(null, "“x”")).isNull();
    }
}
