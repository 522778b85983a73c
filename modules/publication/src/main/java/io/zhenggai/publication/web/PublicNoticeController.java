package io.zhenggai.publication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationCommands.SubmitFeedbackCommand;
import io.zhenggai.api.publication.PublicationQueries.*;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.notice.RenderedNotice;
import io.zhenggai.publication.web.NoticeRequests.FeedbackRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The public side, no login: the list of published notices ({@code /notices}, HTML for people, JSON for
 * {@code Accept: application/json}), a notice as an HTML page and as plain text, and the feedback form with its QR
 * code. Drafts do not exist here (404); a withdrawn notice answers 410 with the reason. Contact details of
 * feedback never appear on these pages.
 */
@RestController
@Tag(name = "公开 Public notices", description = "Published notices and public feedback (no login)")
class PublicNoticeController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final FeedbackRateLimiter limiter;
    private final Validator validator;
    private final Clock clock;
    private final PublicLinks links;
    private final NoticePages pages;

    PublicNoticeController(CommandGateway commands, QueryGateway queries, FeedbackRateLimiter limiter, Validator validator,
                           Clock clock, PublicLinks links, NoticePages pages) {
        this.pages = pages;
        this.commands = commands;
        this.queries = queries;
        this.limiter = limiter;
        this.validator = validator;
        this.clock = clock;
        this.links = links;
    }

    /** A published notice as the JSON list shows it. */
    record PublicNotice(String id, String title, String publishingUnit, LocalDate windowStart, LocalDate windowEnd,
                        NoticeStatus status, String statusLabel, boolean historical, boolean feedbackOpen, int versionNumber,
                        String correctsNoticeId, String correctedByNoticeId, String url, String textUrl) {
    }

    @GetMapping(value = "/notices", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "公开的通报（HTML） Published notices, for people")
    ResponseEntity<String> listHtml() {
        return html(HttpStatus.OK, pages.list(publicNotices()));
    }

    @GetMapping(value = "/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "公开的通报（JSON） Published notices: id, title, publishing unit, window, status")
    List<PublicNotice> listJson() {
        LocalDate today = LocalDate.now(clock);
        return publicNotices().stream().map(n -> new PublicNotice(n.noticeId(), n.title(), n.publishingUnit(), n.windowStart(),
                n.windowEnd(), n.status(), NoticePages.statusLabel(n.status(), n.historical()), n.historical(),
                open(n.status(), n.windowStart(), n.windowEnd(), today), n.versionNumber(), n.correctsNoticeId(),
                n.correctedByNoticeId(), "/notices/" + n.noticeId(), "/notices/" + n.noticeId() + ".txt")).toList();
    }

    @GetMapping("/notices/{noticeId}.txt")
    @Operation(summary = "通报纯文本 The notice as published, plain text")
    ResponseEntity<String> text(@PathVariable String noticeId) {
        NoticeView v = find(noticeId);
        if (v == null || !(v.status().isPublic() || v.status() == NoticeStatus.WITHDRAWN)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT).body("通报不存在。\n");
        }
        if (v.status() == NoticeStatus.WITHDRAWN) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(TEXT).body("该通报已撤回。撤回理由：" + v.withdrawalReason() + "\n");
        }
        return ResponseEntity.ok().contentType(TEXT).eTag("\"" + v.publication().textSha256() + "\"")
                .cacheControl(CacheControl.noCache()).body(v.publication().text());
    }

    @GetMapping("/notices/{noticeId}")
    @Operation(summary = "通报页面 The notice as an HTML page, with the feedback link and its QR code")
    ResponseEntity<String> page(@PathVariable String noticeId, HttpServletRequest request) {
        NoticeView v = find(noticeId);
        ResponseEntity<String> unavailable = unavailable(v);
        if (unavailable != null) {
            return unavailable;
        }
        RenderedNotice rendered = NoticeRenderer.render(NoticeController.document(v));
        List<PublicReply> replies = queries.query(new ListPublicRepliesQuery(noticeId), PublicReplies.class).join().items();
        String feedbackUrl = links.absolute("/notices/" + noticeId + "/feedback", request);
        return html(HttpStatus.OK, pages.notice(v, rendered, replies, feedbackUrl,
                QrCodes.svg(feedbackUrl, "意见建议表的二维码：" + feedbackUrl), open(v)));
    }

    @GetMapping(value = "/notices/{noticeId}/feedback-qr.svg")
    @Operation(summary = "意见建议表二维码 QR code (SVG) of the feedback form's link")
    ResponseEntity<String> qr(@PathVariable String noticeId, HttpServletRequest request) {
        NoticeView v = find(noticeId);
        if (v == null || !v.status().isPublic()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT).body("通报不存在。\n");
        }
        String url = links.absolute("/notices/" + noticeId + "/feedback", request);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(QrCodes.svg(url, "意见建议表的二维码：" + url));
    }

    @GetMapping("/notices/{noticeId}/feedback")
    @Operation(summary = "意见建议表 The feedback form (while the window is open)")
    ResponseEntity<String> feedbackForm(@PathVariable String noticeId) {
        NoticeView v = find(noticeId);
        ResponseEntity<String> unavailable = unavailable(v);
        if (unavailable != null) {
            return unavailable;
        }
        if (!open(v)) {
            return html(HttpStatus.OK, pages.message("意见建议表已关闭", closedMessage(v)));
        }
        return html(HttpStatus.OK, pages.feedbackForm(v, v.publication() == null ? "" : titleOf(v), List.of(), Map.of()));
    }

    @PostMapping(value = "/notices/{noticeId}/feedback", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "提交意见建议（表单） Submit feedback from the HTML form")
    ResponseEntity<String> submitForm(@PathVariable String noticeId, @RequestParam(required = false) String text,
                                      @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                                      HttpServletRequest request) {
        NoticeView v = find(noticeId);
        ResponseEntity<String> unavailable = unavailable(v);
        if (unavailable != null) {
            return unavailable;
        }
        FeedbackRequest req = new FeedbackRequest(text == null ? "" : text, name, contact);
        List<String> errors = validator.validate(req).stream().sorted(Comparator.comparing(c -> c.getPropertyPath().toString()))
                .map(ConstraintViolation::getMessage).toList();
        if (!errors.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("text", text == null ? "" : text);
            values.put("name", name == null ? "" : name);
            values.put("contact", contact == null ? "" : contact);
            return html(HttpStatus.BAD_REQUEST, pages.feedbackForm(v, titleOf(v), errors, values));
        }
        OptionalLong wait = limiter.tryAcquire(request.getRemoteAddr()); // only a valid submission takes a token
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()))
                    .contentType(HTML).body(pages.message("提交过于频繁", "同一网络地址短时间内提交次数过多，请" + minutes(wait.getAsLong())
                            + "后再试。"));
        }
        String feedbackId = UUID.randomUUID().toString();
        try {
            commands.sendAndWait(new SubmitFeedbackCommand(noticeId, feedbackId, req.text(), req.name(), req.contact()));
        } catch (RuntimeException e) {
            RuleViolationException rule = rule(e);
            if (rule == null) {
                throw e;
            }
            return html(rule.kind() == RuleViolationException.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY,
                    pages.message("未能提交意见建议", rule.getMessage()));
        }
        return ResponseEntity.created(URI.create("/notices/" + noticeId)).contentType(HTML)
                .body(pages.thanks(v, titleOf(v), feedbackId, req.text().strip()));
    }

    @PostMapping(value = "/notices/{noticeId}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "提交意见建议（JSON） Submit feedback as JSON: 201, 409 outside the window, 429 when too frequent")
    ResponseEntity<Object> submitJson(@PathVariable String noticeId, @Valid @RequestBody FeedbackRequest req,
                                      HttpServletRequest request) {
        NoticeView v = find(noticeId);
        if (v == null || !(v.status().isPublic() || v.status() == NoticeStatus.WITHDRAWN)) {
            throw new NotFoundException("notice", noticeId);
        }
        OptionalLong wait = limiter.tryAcquire(request.getRemoteAddr());
        if (wait.isPresent()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "同一网络地址短时间内提交次数过多，请" + minutes(wait.getAsLong()) + "后再试");
            problem.setTitle("Too Many Requests");
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("code", "TOO_MANY_REQUESTS");
            problem.setProperty("retryAfterSeconds", wait.getAsLong());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String feedbackId = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitFeedbackCommand(noticeId, feedbackId, req.text(), req.name(), req.contact()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", noticeId);
        body.put("feedbackId", feedbackId);
        body.put("status", "RECEIVED");
        return ResponseEntity.created(URI.create("/notices/" + noticeId)).body(body);
    }

    // ---------------------------------------------------------------- helpers

    private List<NoticeSummary> publicNotices() {
        return queries.query(new ListPublicNoticesQuery(), NoticeList.class).join().items();
    }

    private NoticeView find(String noticeId) {
        return queries.query(new FindNoticeQuery(noticeId), NoticeView.class).join();
    }

    /** 404 for what the public cannot see, 410 for a withdrawn notice; null when the notice is public. */
    private ResponseEntity<String> unavailable(NoticeView v) {
        if (v == null || !(v.status().isPublic() || v.status() == NoticeStatus.WITHDRAWN) || v.publication() == null
                && v.status() != NoticeStatus.WITHDRAWN) {
            return html(HttpStatus.NOT_FOUND, pages.message("通报不存在", "未找到该通报，可能尚未发布。"));
        }
        if (v.status() == NoticeStatus.WITHDRAWN) {
            return html(HttpStatus.GONE, pages.message("该通报已撤回", "撤回理由：" + v.withdrawalReason()));
        }
        return null;
    }

    private boolean open(NoticeView v) {
        return open(v.status(), v.publication().windowStart(), v.publication().windowEnd(), LocalDate.now(clock));
    }

    private static boolean open(NoticeStatus status, LocalDate start, LocalDate end, LocalDate today) {
        return status == NoticeStatus.PUBLISHED && start != null && end != null && !today.isBefore(start) && !today.isAfter(end);
    }

    private String closedMessage(NoticeView v) {
        LocalDate today = LocalDate.now(clock);
        if (v.status() == NoticeStatus.PUBLISHED && today.isBefore(v.publication().windowStart())) {
            return "公开期限自" + NoticePages.window(v.publication().windowStart(), v.publication().windowEnd())
                    + "，届时方可提交意见建议。";
        }
        return "公开期限（" + NoticePages.window(v.publication().windowStart(), v.publication().windowEnd())
                + "）已结束，不再接受网上意见建议。如有意见，请通过通报所列联系方式反映。";
    }

    private static String titleOf(NoticeView v) {
        return v.publication() != null && v.narrative() != null ? NoticeRenderer.render(NoticeController.document(v)).title() : "";
    }

    private static String minutes(long seconds) {
        return seconds < 60 ? seconds + "秒" : ((seconds + 59) / 60) + "分钟";
    }

    private static RuleViolationException rule(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof RuleViolationException r) {
                return r;
            }
            t = t instanceof CommandExecutionException c && c.getCause() == null ? null : t.getCause();
        }
        return null;
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }
}
