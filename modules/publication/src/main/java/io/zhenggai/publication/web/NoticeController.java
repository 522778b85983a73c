package io.zhenggai.publication.web;

import io.zhenggai.platform.web.ClientIds;
import io.zhenggai.platform.web.InvalidInputException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationCommands.*;
import io.zhenggai.api.publication.PublicationQueries.*;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.web.Answers;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.platform.web.IfMatch;
import io.zhenggai.platform.web.Versions;
import io.zhenggai.publication.query.NoticeProjection;
import io.zhenggai.publication.compose.NoticeComposer;
import io.zhenggai.publication.compose.NoticeDefaults;
import io.zhenggai.publication.notice.NarrativeChecks;
import io.zhenggai.publication.notice.NoticeDiff;
import io.zhenggai.publication.notice.NoticeDocument;
import io.zhenggai.publication.notice.NoticeReading;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.notice.Placeholders;
import io.zhenggai.publication.web.NoticeRequests.*;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff API of the publication context. {@code PUBLISHER} composes, edits, publishes, withdraws, corrects and
 * handles feedback; {@code UNIT_LEADER} approves; {@code AUDITOR} reads everything (feedback with personal data
 * included); {@code ADMIN} all. Facts are composed from the event store and cannot be written here.
 */
@RestController
@Validated
@RequestMapping("/api/notices")
@Tag(name = "通报 Notices", description = "Progress notices composed from the ledger: drafts, approval, publication, feedback")
class NoticeController {

    private static final String WRITE = "hasAnyRole('PUBLISHER','ADMIN')";
    private static final String APPROVE = "hasAnyRole('UNIT_LEADER','ADMIN')";
    private static final String READ = "hasAnyRole('PUBLISHER','UNIT_LEADER','AUDITOR','ADMIN')";
    private static final String PERSONAL = "hasAnyRole('PUBLISHER','AUDITOR','ADMIN')";

    /** The invitation of a new draft ({@link NoticeDefaults} is the one place). */
    static String defaultInvitation(InspectionKind kind) {
        return NoticeDefaults.invitation(kind);
    }

    /** Fields that come from the ledger: an edit that names one is refused (the notice would be false). */
    static final Set<String> FACT_FIELDS;

    static {
        Set<String> fields = new LinkedHashSet<>();
        Arrays.stream(NoticeFacts.class.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
        fields.addAll(Placeholders.NAMES.keySet());
        fields.addAll(List.of("facts", "contentHash", "position", "positionTime", "revision", "status", "opening",
                "windowStart", "windowEnd"));
        FACT_FIELDS = Set.copyOf(fields);
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final NoticeComposer composer;
    private final Validator validator;
    private final ObjectMapper strict;
    private final ReadYourWrites reads;

    NoticeController(CommandGateway commands, QueryGateway queries, NoticeComposer composer, Validator validator, ObjectMapper json,
                     ReadYourWrites reads) {
        this.reads = reads;
        this.commands = commands;
        this.queries = queries;
        this.composer = composer;
        this.validator = validator;
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    record NoticeResponse(NoticeView notice, String text, List<NarrativeChecks.Issue> issues, Map<String, String> placeholders) {
    }

    record FactsResponse(String inspectionId, long position, Instant positionTime, NoticeFacts facts) {
    }

    record DiffSide(String label, Long position, String contentHash) {
    }

    record DiffResponse(String noticeId, DiffSide from, DiffSide to, NoticeDiff.Result diff) {
    }

    // ---------------------------------------------------------------- compose and read

    @PostMapping
    @PreAuthorize(WRITE)
    @Operation(summary = "编制通报草稿 Compose a draft from the ledger as of a position (the head by default)")
    ResponseEntity<Map<String, Object>> compose(@Valid @RequestBody ComposeRequest req) {
        NoticeComposer.Composition c = compose(subject(req.inspectionId(), req.roundId()), req.roundId() != null, req.position());
        String id = ClientIds.orNew(req.noticeId());
        NoticeNarrative narrative = req.narrative() != null ? req.narrative().toNarrative() : defaultNarrative(c.facts());
        NoticeSettings settings = req.settings() != null ? req.settings().toSettings() : defaultSettings(c.facts());
        commands.sendAndWait(new CreateNoticeDraftCommand(id, req.inspectionId(), c.position(), c.positionTime(), c.facts(),
                narrative, settings, null, null, null));
        return created(id, c.position());
    }

    @GetMapping("/facts")
    @PreAuthorize(READ)
    @Operation(summary = "台账事实 The facts of an inspection (inspectionId) or of a round (roundId) as of a position (the head by default), not stored")
    FactsResponse facts(@RequestParam(required = false) String inspectionId, @RequestParam(required = false) String roundId,
                        @RequestParam(required = false) @Min(0) Long position) {
        NoticeComposer.Composition c = compose(subject(inspectionId, roundId), roundId != null, position);
        return new FactsResponse(inspectionId, c.position(), c.positionTime(), c.facts());
    }

    @GetMapping("/placeholders")
    @PreAuthorize(READ)
    Map<String, String> placeholders() {
        return new java.util.TreeMap<>(Placeholders.NAMES);
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "通报列表 Notices, newest first: of an inspection (inspectionId), of a round (roundId: its round notices), by status")
    NoticePage list(@RequestParam(required = false) String inspectionId, @RequestParam(required = false) String roundId,
                    @RequestParam(required = false) NoticeStatus status,
                    @RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (inspectionId != null && roundId != null) {
            throw new InvalidInputException("roundId", "INSPECTION_OR_ROUND",
                    "请只指定 inspectionId（单位通报）或 roundId（轮次通报）之一");
        }
        return queries.query(new ListNoticesQuery(inspectionId, roundId, status, page, size), NoticePage.class).join();
    }

    @GetMapping("/{noticeId}")
    @PreAuthorize(READ)
    @Operation(summary = "通报（含正文、待解决问题） A notice with its rendered text and what blocks its approval")
    ResponseEntity<NoticeResponse> get(@PathVariable String noticeId) {
        NoticeView v = require(noticeId);
        String text = NoticeReading.text(v);
        List<NarrativeChecks.Issue> issues = NoticeReading.issues(v);
        return Versions.tagged(new NoticeResponse(v, text, issues, Placeholders.values(v.facts(), v.settings())), v.version());
    }

    @GetMapping("/{noticeId}/diff")
    @PreAuthorize(READ)
    @Operation(summary = "比较 Compare section by section: two revisions (from, to), another notice (against=id), or the ledger now (against=ledger)")
    DiffResponse diff(@PathVariable String noticeId, @RequestParam(required = false) @Min(1) Integer from,
                      @RequestParam(required = false) @Min(1) Integer to, @RequestParam(required = false) String against) {
        NoticeView v = require(noticeId);
        if ("ledger".equals(against)) {
            NoticeComposer.Composition c = compose(v, null);
            NoticeDocument now = new NoticeDocument(c.facts(), v.narrative(), v.settings(), null, null, v.versionNumber(),
                    v.correctionReason());
            return new DiffResponse(noticeId, new DiffSide("notice " + noticeId, v.position(), v.contentHash()),
                    new DiffSide("ledger", c.position(), null),
                    NoticeDiff.compare(NoticeRenderer.render(document(v).withWindow(null, null)), NoticeRenderer.render(now)));
        }
        if (against != null) {
            NoticeView other = require(against);
            return new DiffResponse(noticeId, new DiffSide("notice " + other.noticeId(), other.position(), other.contentHash()),
                    new DiffSide("notice " + noticeId, v.position(), v.contentHash()),
                    NoticeDiff.compare(NoticeRenderer.render(document(other)), NoticeRenderer.render(document(v))));
        }
        int toRevision = to != null ? to : v.revision();
        int fromRevision = from != null ? from : Math.max(1, toRevision - 1);
        NoticeRevision a = revision(noticeId, fromRevision);
        NoticeRevision b = revision(noticeId, toRevision);
        return new DiffResponse(noticeId, new DiffSide("revision " + fromRevision, a.position(), a.contentHash()),
                new DiffSide("revision " + toRevision, b.position(), b.contentHash()),
                NoticeDiff.compare(NoticeRenderer.render(document(v, a)), NoticeRenderer.render(document(v, b))));
    }

    // ---------------------------------------------------------------- edit, approve, publish

    @PostMapping("/{noticeId}/recomposition")
    @PreAuthorize(WRITE)
    @Operation(summary = "重新生成 Compose the draft again from the ledger as of a position (the head by default)")
    ResponseEntity<Map<String, Object>> recompose(@PathVariable String noticeId, @Valid @RequestBody(required = false) RecomposeRequest req,
                                                  @IfMatch Long expectedVersion) {
        NoticeView v = require(noticeId);
        NoticeComposer.Composition c = compose(v, req == null ? null : req.position());
        Object version = commands.sendAndWait(new RecomposeNoticeDraftCommand(noticeId, c.position(), c.positionTime(), c.facts(),
                expectedVersion));
        return answered(noticeId, Answers.of("noticeId", noticeId, version).with("position", c.position()));
    }

    @PutMapping("/{noticeId}/narrative")
    @PreAuthorize(WRITE)
    @Operation(summary = "编辑正文 Replace the narrative (title, section 一, next steps, invitation); facts cannot be set")
    ResponseEntity<Map<String, Object>> editNarrative(@PathVariable String noticeId, @RequestBody Map<String, Object> body,
                                                      @IfMatch Long expectedVersion) {
        NarrativeRequest req = bind(body, NarrativeRequest.class);
        return answered(noticeId, "noticeId", noticeId, commands.sendAndWait(new EditNoticeDraftCommand(noticeId, req.toNarrative(), null,
                expectedVersion)));
    }

    @PutMapping("/{noticeId}/settings")
    @PreAuthorize(WRITE)
    @Operation(summary = "编辑发布信息 Replace publishing unit, date written, disclosure metadata, contacts and optional blocks")
    ResponseEntity<Map<String, Object>> editSettings(@PathVariable String noticeId, @RequestBody Map<String, Object> body,
                                                     @IfMatch Long expectedVersion) {
        SettingsRequest req = bind(body, SettingsRequest.class);
        return answered(noticeId, "noticeId", noticeId, commands.sendAndWait(new EditNoticeDraftCommand(noticeId, null, req.toSettings(),
                expectedVersion)));
    }

    @PostMapping("/{noticeId}/approval")
    @PreAuthorize(APPROVE)
    @Operation(summary = "审核 Approve exactly the content with this hash")
    ResponseEntity<Map<String, Object>> approve(@PathVariable String noticeId, @Valid @RequestBody ApproveRequest req,
                                                @IfMatch Long expectedVersion) {
        return answered(noticeId, "noticeId", noticeId, commands.sendAndWait(new ApproveNoticeCommand(noticeId, req.contentHash(),
                req.comment(), expectedVersion)));
    }

    @PostMapping("/{noticeId}/publication")
    @PreAuthorize(WRITE)
    @Operation(summary = "发布 Publish the approved notice for a window (historical=true for a notice published in the past)")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String noticeId, @Valid @RequestBody PublishRequest req,
                                                @IfMatch Long expectedVersion) {
        Object version = commands.sendAndWait(new PublishNoticeCommand(noticeId, req.windowStart(), req.windowEnd(),
                Boolean.TRUE.equals(req.historical()), expectedVersion));
        return answered(noticeId, Answers.of("noticeId", noticeId, version).with("publicUrl", "/notices/" + noticeId));
    }

    @PostMapping("/{noticeId}/withdrawal")
    @PreAuthorize(WRITE)
    @Operation(summary = "撤回 Withdraw with a reason")
    ResponseEntity<Map<String, Object>> withdraw(@PathVariable String noticeId, @Valid @RequestBody ReasonRequest req,
                                                 @IfMatch Long expectedVersion) {
        return answered(noticeId, "noticeId", noticeId, commands.sendAndWait(new WithdrawNoticeCommand(noticeId, req.reason(),
                expectedVersion)));
    }

    @PostMapping("/{noticeId}/corrections")
    @PreAuthorize(WRITE)
    @Operation(summary = "更正 Draft a correction: a new version naming this notice, composed from the ledger now")
    ResponseEntity<Map<String, Object>> correct(@PathVariable String noticeId, @Valid @RequestBody CorrectionRequest req) {
        NoticeComposer.Composition c = compose(require(noticeId), req.position());
        String id = ClientIds.orNew(req.noticeId());
        commands.sendAndWait(new CorrectNoticeCommand(noticeId, id, c.position(), c.positionTime(), c.facts(), req.reason()));
        return created(id, c.position());
    }

    // ---------------------------------------------------------------- feedback (staff side)

    @GetMapping("/{noticeId}/feedback")
    @PreAuthorize(PERSONAL)
    @Operation(summary = "意见建议（含联系方式，仅限发布人员和审计人员） Feedback with personal data")
    FeedbackList feedback(@PathVariable String noticeId) {
        require(noticeId);
        return queries.query(new ListFeedbackQuery(noticeId), FeedbackList.class).join();
    }

    @PostMapping("/{noticeId}/feedback/{feedbackId}/acknowledgement")
    @PreAuthorize(WRITE)
    ResponseEntity<Map<String, Object>> acknowledge(@PathVariable String noticeId, @PathVariable String feedbackId,
                                                    @Valid @RequestBody(required = false) NoteRequest req) {
        return answered(noticeId, "feedbackId", feedbackId, commands.sendAndWait(new AcknowledgeFeedbackCommand(noticeId, feedbackId,
                req == null ? null : req.note())));
    }

    @PostMapping("/{noticeId}/feedback/{feedbackId}/answer")
    @PreAuthorize(WRITE)
    ResponseEntity<Map<String, Object>> answer(@PathVariable String noticeId, @PathVariable String feedbackId,
                                               @Valid @RequestBody AnswerRequest req) {
        return answered(noticeId, "feedbackId", feedbackId, commands.sendAndWait(new AnswerFeedbackCommand(noticeId, feedbackId,
                req.answer(), Boolean.TRUE.equals(req.publicReply()))));
    }

    @PostMapping("/{noticeId}/feedback/{feedbackId}/escalation")
    @PreAuthorize(WRITE)
    @Operation(summary = "转为整改问题 Turn feedback into a new finding for the rectification")
    ResponseEntity<Map<String, Object>> escalate(@PathVariable String noticeId, @PathVariable String feedbackId,
                                                 @Valid @RequestBody EscalateRequest req) {
        return answered(noticeId, "feedbackId", feedbackId, commands.sendAndWait(new EscalateFeedbackCommand(noticeId, feedbackId,
                req.title(), req.categoryId(), req.note())));
    }

    // ---------------------------------------------------------------- helpers

    /** Exactly one of an inspection and a round: the one given (a bad request names the field at fault). */
    private static String subject(String inspectionId, String roundId) {
        if (inspectionId != null && roundId != null) {
            throw new InvalidInputException("roundId", "INSPECTION_OR_ROUND",
                    "请只指定 inspectionId（单位通报）或 roundId（轮次通报）之一");
        }
        if ((inspectionId == null || inspectionId.isBlank()) && (roundId == null || roundId.isBlank())) {
            throw new InvalidInputException("inspectionId", "INSPECTION_OR_ROUND_REQUIRED",
                    "必须指定 inspectionId（单位通报）或 roundId（轮次通报）");
        }
        return inspectionId != null ? inspectionId : roundId;
    }

    private NoticeComposer.Composition compose(String subject, boolean round, Long position) {
        return round ? composer.composeRound(subject, position) : composer.compose(subject, position);
    }

    /** The facts of the notice's own subject (its inspection, or its round) composed again. */
    private NoticeComposer.Composition compose(NoticeView v, Long position) {
        return v.facts().ofRound() ? composer.composeRound(v.facts().round().roundId(), position)
                : composer.compose(v.inspectionId(), position);
    }

    static NoticeNarrative defaultNarrative(NoticeFacts f) {
        return NoticeDefaults.narrative(f);
    }

    static NoticeSettings defaultSettings(NoticeFacts f) {
        return NoticeDefaults.settings(f);
    }

    private <T> T bind(Map<String, Object> body, Class<T> type) {
        List<String> facts = body.keySet().stream().filter(FACT_FIELDS::contains).toList();
        if (!facts.isEmpty()) {
            throw RuleViolationException.invalid("FACT_READ_ONLY", "以下内容来自台账，不能在通报中填写或修改：" + String.join("、",
                    facts.stream().map(f -> Placeholders.NAMES.containsKey(f) ? f + "（" + Placeholders.NAMES.get(f) + "）" : f)
                            .toList()) + "。如台账有误，请在台账中更正后重新生成草稿；正文中可用占位符引用台账数据，如 {{regulationCount}}");
        }
        T value;
        try {
            value = strict.convertValue(body, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("请求内容不正确：" + rootMessage(e));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int cut = m.indexOf(" (");
        return cut > 0 ? m.substring(0, cut) : m;
    }

    private NoticeView require(String noticeId) {
        return Found.orNotFound(queries.query(new FindNoticeQuery(noticeId), NoticeView.class).join(), "notice", noticeId);
    }

    private NoticeRevision revision(String noticeId, int revision) {
        return Found.orNotFound(queries.query(new FindNoticeRevisionQuery(noticeId, revision), NoticeRevision.class).join(),
                "notice revision", noticeId + "#" + revision);
    }

    static NoticeDocument document(NoticeView v) {
        return NoticeDocument.of(v);
    }

    private static NoticeDocument document(NoticeView v, NoticeRevision r) {
        return NoticeDocument.ofRevision(v, r);
    }

    /**
     * The answer to a command on notice {@code noticeId}, once the publication read model shows it: the notice, its
     * public page and text are there when the caller reads them (no 404 window after publishing).
     */
    private ResponseEntity<Map<String, Object>> answered(String noticeId, String idName, String id, Object version) {
        return answered(noticeId, Answers.of(idName, id, version));
    }

    private ResponseEntity<Map<String, Object>> answered(String noticeId, Answers answer) {
        reads.await(noticeId, NoticeProjection.GROUP);
        return answer.ok();
    }

    private ResponseEntity<Map<String, Object>> created(String id, long position) {
        reads.await(id, NoticeProjection.GROUP);
        return Answers.of("noticeId", id, 0L).with("position", position).created("/api/notices/" + id);
    }
}
