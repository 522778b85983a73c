package io.zhenggai.rectification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.rectification.evidence.EvidenceFiles;
import io.zhenggai.rectification.evidence.EvidenceFiles.StoredFile;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Evidence files of a rectification (scans, PDFs, images): uploaded by those who record progress, stored by
 * content (SHA-256), then referenced by progress records; served back only to the roles that may read the ledger,
 * and only within the rectification they were uploaded for.
 */
@RestController
@RequestMapping("/api/rectifications/{inspectionId}/evidence-files")
@Tag(name = "整改 Rectification")
class EvidenceFileController {

    private final EvidenceFiles files;

    EvidenceFileController(EvidenceFiles files) {
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(RectificationController.RECORD)
    @Operation(summary = "上传佐证材料 Upload an evidence file (multipart part 'file'); answers its SHA-256")
    ResponseEntity<StoredFile> upload(@PathVariable String inspectionId, @RequestParam("file") MultipartFile file,
                                      Authentication user) throws IOException {
        String rectificationId = RectificationIds.forInspection(inspectionId);
        if (!files.rectificationExists(rectificationId)) {
            throw new NotFoundException("rectification", inspectionId);
        }
        if (file.getSize() > files.maxFileSize().toBytes()) {
            throw new MaxUploadSizeExceededException(files.maxFileSize().toBytes());
        }
        RuleViolationException.require(!file.isEmpty(), "FILE_EMPTY", "上传的文件是空的");
        StoredFile stored = files.store(rectificationId, file.getOriginalFilename(), file.getContentType(), file, file.getSize(),
                user.getName());
        return ResponseEntity.created(URI.create("/api/rectifications/" + inspectionId + "/evidence-files/" + stored.sha256()))
                .eTag("\"" + stored.sha256() + "\"")
                .body(stored);
    }

    @GetMapping("/{sha256}")
    @PreAuthorize(RectificationController.READ)
    @Operation(summary = "下载佐证材料 Download an evidence file", responses = @ApiResponse(responseCode = "200",
            description = "OK", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "byte"))))
    void download(@PathVariable String inspectionId, @PathVariable String sha256, HttpServletResponse response)
            throws IOException {
        StoredFile file = files.find(RectificationIds.forInspection(inspectionId), sha256)
                .orElseThrow(() -> new NotFoundException("evidence file", sha256));
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.ETAG, "\"" + sha256 + "\"");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        files.writeContent(file, response.getOutputStream()); // streamed slice by slice, never whole in memory
    }
}
