package io.zhenggai.rectification.web;

import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.rectification.evidence.EvidenceFiles;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.*;

class EvidenceFileControllerTest {

    private final EvidenceFiles files = mock(EvidenceFiles.class);
    private final EvidenceFileController controller = new EvidenceFileController(files);
    private final TestingAuthenticationToken rectifier = new TestingAuthenticationToken("rectifier", "demo");

    @Test
    void refusesAFileLargerThanTheConfiguredLimitWith413() throws Exception {
        when(files.rectificationExists("rect-insp-1")).thenReturn(true);
        when(files.maxFileSize()).thenReturn(DataSize.ofBytes(10));

        assertThatThrownBy(() -> controller.upload("insp-1", new MockMultipartFile("file", "scan.pdf", "application/pdf",
                new byte[11]), rectifier))
                // the same exception the multipart resolver raises, so one advice answers 413 FILE_TOO_LARGE for both
                .isInstanceOf(MaxUploadSizeExceededException.class);
        verify(files, never()).store(any(), any(), any(), any(), anyLong(), any());
    }

    @Test
    void acceptsAFileAtTheLimit() throws Exception {
        when(files.rectificationExists("rect-insp-1")).thenReturn(true);
        when(files.maxFileSize()).thenReturn(DataSize.ofBytes(10));
        when(files.store(any(), any(), any(), any(), anyLong(), any()))
                .thenReturn(new EvidenceFiles.StoredFile("a".repeat(64), "scan.pdf", "application/pdf", 10));

        controller.upload("insp-1", new MockMultipartFile("file", "scan.pdf", "application/pdf", new byte[10]), rectifier);

        verify(files).store(eq("rect-insp-1"), eq("scan.pdf"), eq("application/pdf"), any(), eq(10L), eq("rectifier"));
    }

    @Test
    void refusesAnUploadForARectificationThatDoesNotExist() {
        when(files.rectificationExists(any())).thenReturn(false);

        assertThatThrownBy(() -> controller.upload("nope", new MockMultipartFile("file", new byte[1]), rectifier))
                .isInstanceOf(NotFoundException.class);
    }
}
