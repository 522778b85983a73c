package io.zhenggai.publication;

import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.publication.testing.SeedCase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The published seed notice as a PDF: public, its headings are text in it (extracted with PDFBox), and every font it
 * uses is embedded (a subset, FontFile2/FontFile3 in the font descriptors).
 */
class NoticePdfIT extends IntegrationTest {

    private String publishedSeedNotice() {
        SeedCase seed = SeedCase.load();
        Response loaded = api.as("admin").post("/api/admin/seeds", seed.json());
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        String noticeId = seed.json().path("caseId").asText() + "-notice";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.anonymous().get("/notices/" + noticeId + ".txt").status() == 200);
        return noticeId;
    }

    @Test
    void thePublishedNoticeIsAPdfWithItsHeadingsAsTextAndItsFontsEmbedded() throws Exception {
        String noticeId = publishedSeedNotice();
        String text = api.anonymous().get("/notices/" + noticeId + ".txt").text();
        List<String> headings = text.lines().filter(l -> l.matches("^[一二三四五六七八九十]+、.*")).toList();
        String title = text.lines().findFirst().orElseThrow();
        assertThat(headings).hasSizeGreaterThanOrEqualTo(2);

        Response pdf = api.anonymous().header("Accept", "application/pdf").get("/notices/" + noticeId + ".pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String extracted = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(extracted).contains(title.replaceAll("\\s+", ""));
            for (String heading : headings) {
                assertThat(extracted).as(heading).contains(heading.replaceAll("\\s+", ""));
            }
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty();
            for (PDFont font : fonts) {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                PDFontDescriptor descriptor = font instanceof PDType0Font t0
                        ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
                assertThat(descriptor.getFontFile2() != null || descriptor.getFontFile3() != null)
                        .as("FontFile2 or FontFile3 of %s", font.getName()).isTrue();
                assertThat(font.getName()).as("a subset is embedded").matches("^[A-Z]{6}\\+.*");
            }
        }
        assertThat(pdf.bytes().length).as("a subset, not the 5 MB font").isLessThan(1_500_000);
    }

    @Test
    void aNoticeThatIsNotPublishedHasNoPdf() {
        Response missing = api.anonymous().get("/notices/" + uniqueId("nope") + ".pdf");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("通报不存在");
    }
}
