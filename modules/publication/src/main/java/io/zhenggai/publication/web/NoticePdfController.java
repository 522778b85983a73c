package io.zhenggai.publication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationQueries.FindNoticeQuery;
import io.zhenggai.api.publication.PublicationQueries.NoticeView;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.notice.RenderedNotice;
import io.zhenggai.publication.pdf.CjkFont;
import io.zhenggai.publication.pdf.NoticePdf;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * The published notice as a PDF, for everyone (like {@code /notices/{id}}): the same rendering as the page and the
 * plain text, set in an embedded CJK font. 404 for a notice the public cannot see, 410 for a withdrawn one.
 */
@RestController
@Tag(name = "公开 Public notices")
class NoticePdfController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final QueryGateway queries;
    private volatile CjkFont font;

    NoticePdfController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/notices/{noticeId}.pdf")
    @Operation(summary = "通报PDF The notice as published, as a PDF with its CJK font embedded",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> pdf(@PathVariable String noticeId) {
        NoticeView v = queries.query(new FindNoticeQuery(noticeId), NoticeView.class).join();
        if (v == null || !(v.status().isPublic() || v.status() == NoticeStatus.WITHDRAWN)
                || v.publication() == null && v.status() != NoticeStatus.WITHDRAWN) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT).body("通报不存在。\n".getBytes(StandardCharsets.UTF_8));
        }
        if (v.status() == NoticeStatus.WITHDRAWN) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(TEXT)
                    .body(("该通报已撤回。撤回理由：" + v.withdrawalReason() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        RenderedNotice rendered = NoticeRenderer.render(NoticeController.document(v));
        byte[] pdf = NoticePdf.write(rendered, font(), "整改进展情况的通报 " + noticeId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(noticeId + ".pdf", StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + v.publication().textSha256() + "\"")
                .cacheControl(CacheControl.noCache())
                .body(pdf);
    }

    private CjkFont font() {
        CjkFont loaded = font;
        if (loaded == null) {
            synchronized (this) {
                if (font == null) {
                    font = CjkFont.load();
                }
                loaded = font;
            }
        }
        return loaded;
    }
}
