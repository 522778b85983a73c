package io.zhenggai.publication.pdf;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font the notices' PDFs are set in, read once from the classpath: 文泉驿微米黑 ({@code fonts/wqy-microhei.ttc},
 * Apache-2.0; why it ships in this module: ADR 0042). Each PDF embeds only the glyphs it uses (a TrueType subset,
 * {@code FontFile2}), with Identity-H encoding so any Unicode text is written as it is.
 */
public final class CjkFont {

    public static final String RESOURCE = "fonts/wqy-microhei.ttc";

    private final byte[] bytes;

    private CjkFont(byte[] bytes) {
        this.bytes = bytes;
    }

    public static CjkFont load() {
        try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is not on the classpath");
            }
            return new CjkFont(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new base font for one document (OpenPDF records the glyphs used per base font, so none is shared). */
    BaseFont baseFont() {
        try {
            BaseFont font = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("unreadable font " + RESOURCE, e);
        }
    }
}
