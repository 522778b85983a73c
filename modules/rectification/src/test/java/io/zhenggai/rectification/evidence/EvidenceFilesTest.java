package io.zhenggai.rectification.evidence;

import io.zhenggai.platform.digest.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceFilesTest {

    @Test
    void filesAreNamedByTheSha256OfTheirContent() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void keepsOnlyAWellFormedMediaType() {
        assertThat(EvidenceFiles.mediaType("application/PDF; charset=binary")).isEqualTo("application/pdf");
        assertThat(EvidenceFiles.mediaType("image/jpeg")).isEqualTo("image/jpeg");
        assertThat(EvidenceFiles.mediaType("text/html\r\nX-Evil: 1")).isEqualTo(EvidenceFiles.DEFAULT_TYPE);
        assertThat(EvidenceFiles.mediaType(null)).isEqualTo(EvidenceFiles.DEFAULT_TYPE);
    }

    @Test
    void keepsOnlyTheFileNameOfAClientPath() {
        assertThat(EvidenceFiles.fileName("C:\\Users\\李\\财务管理制度.pdf")).isEqualTo("财务管理制度.pdf");
        assertThat(EvidenceFiles.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceFiles.fileName("a\"b\n.pdf")).isEqualTo("ab.pdf");
        assertThat(EvidenceFiles.fileName(" ")).isEqualTo("evidence");
    }
}
