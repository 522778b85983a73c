package io.zhenggai.publication.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import io.zhenggai.publication.notice.RenderedNotice;
import io.zhenggai.publication.notice.RenderedNotice.Section;

import java.io.ByteArrayOutputStream;

/**
 * A published notice as a PDF (A4), written with OpenPDF from the same {@link RenderedNotice} as the plain text and
 * the page, so it carries the same headings and numbering. The text is set in a CJK font ({@link CjkFont}) embedded
 * as a subset (only the glyphs used), with Unicode text (Identity-H and a ToUnicode map), so the PDF shows the same
 * on any reader and its text can be searched and extracted.
 */
public final class NoticePdf {

    private NoticePdf() {
    }

    public static byte[] write(RenderedNotice notice, CjkFont font, String subject) {
        BaseFont base = font.baseFont();
        Font title = new Font(base, 18, Font.BOLD);
        Font heading = new Font(base, 14, Font.BOLD);
        Font subheading = new Font(base, 12, Font.BOLD);
        Font body = new Font(base, 12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 72, 72, 72, 72);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(notice.title());
            document.addSubject(subject);
            document.addCreator("Zhenggai 整改");
            document.open();
            for (Section s : notice.sections()) {
                if (s.heading() != null) {
                    Font f = s.level() == 1 ? title : s.level() == 2 ? heading : subheading;
                    Paragraph p = new Paragraph(s.heading(), f);
                    p.setAlignment(s.level() == 1 ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
                    p.setSpacingBefore(s.level() == 1 ? 0 : 10);
                    p.setSpacingAfter(6);
                    document.add(p);
                }
                for (String text : s.paragraphs()) {
                    Paragraph p = new Paragraph(text, body);
                    p.setLeading(20);
                    p.setFirstLineIndent("signature".equals(s.key()) ? 0 : 24);
                    p.setAlignment("signature".equals(s.key()) ? Element.ALIGN_RIGHT : Element.ALIGN_JUSTIFIED);
                    p.setSpacingAfter(4);
                    document.add(p);
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write the notice as PDF", e);
        }
        return out.toByteArray();
    }


}
