package io.zhenggai.publication.web;

import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.platform.text.Blanks.strippedOrNull;

/** Request bodies of the publication API. Bean Validation turns bad input into 400 problem details per field. */
final class NoticeRequests {
    private NoticeRequests() {
    }

    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String ID_MESSAGE = "只能包含字母、数字、点、下划线和连字符，最长64个字符";
    static final int MAX_FEEDBACK = 2000;
    static final int MAX_NAME = 50;
    static final int MAX_CONTACT = 100;

    record SectionRequest(
            @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String text) {

        NoticeNarrative.Section toSection() {
            return new NoticeNarrative.Section(title == null || title.isBlank() ? null : title.strip(), text.strip());
        }
    }

    /**
     * The headings of sections 一、二、三 without their number: absent (null) for the standard heading, an empty text
     * to leave the heading out.
     */
    record HeadingsRequest(
            @Size(max = 200) String responsibility,
            @Size(max = 200) String findings,
            @Size(max = 200) String nextSteps) {

        NoticeNarrative.Headings toHeadings() {
            return new NoticeNarrative.Headings(stripped(responsibility), stripped(findings), stripped(nextSteps));
        }

        private static String stripped(String s) {
            return s == null ? null : s.strip();
        }
    }

    /**
     * The narrative a publisher writes. Facts are not part of it (sending one is refused with 422). {@code opening}:
     * the opening paragraph as the unit words it, its facts as placeholders (absent: the standard opening).
     */
    record NarrativeRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 20) List<@NotNull @Valid SectionRequest> responsibilitySections,
            @Size(max = 20) List<@NotNull @Valid SectionRequest> nextSteps,
            @Size(max = 2000) String invitation,
            @Size(max = 5000) String opening,
            @Valid HeadingsRequest headings) {

        NoticeNarrative toNarrative() {
            return new NoticeNarrative(title.strip(),
                    responsibilitySections == null ? List.of() : responsibilitySections.stream().map(SectionRequest::toSection).toList(),
                    nextSteps == null ? List.of() : nextSteps.stream().map(SectionRequest::toSection).toList(),
                    invitation == null || invitation.isBlank() ? null : invitation.strip(),
                    opening == null || opening.isBlank() ? null : opening.strip(),
                    headings == null ? null : headings.toHeadings());
        }
    }

    /** The words of the accountability block: 人 or 人次, 交由纪委调查 or 移交纪委监委. */
    record VocabularyRequest(NoticeSettings.PersonUnit personUnit, NoticeSettings.ReferralWording referral) {
    }

    record ContactsRequest(
            @Size(max = 50) String phone,
            @Size(max = 200) String postalAddress,
            @Pattern(regexp = "^\\d{6}$", message = "邮政编码应为6位数字") String postcode,
            @Email @Size(max = 100) String email) {
    }

    record BlocksRequest(Boolean totals, Boolean regulations, Boolean accountability, Boolean money, Boolean meetings,
                         Boolean itemStatus, Boolean progress) {
        NoticeSettings.Blocks toBlocks() {
            return new NoticeSettings.Blocks(on(totals), on(regulations), on(accountability), on(money), on(meetings),
                    on(itemStatus), on(progress));
        }

        private static boolean on(Boolean b) {
            return Boolean.TRUE.equals(b);
        }
    }

    /**
     * How the notice is issued: publishing unit, date written, disclosure metadata, contacts, optional blocks, and
     * how rates are written ({@code WHOLE_PERCENT}, the default, or {@code TWO_DECIMALS}), how section 二 is laid out
     * ({@code ITEMS}, the default, or {@code PROBLEMS}) and the words of the accountability block.
     */
    record SettingsRequest(
            @NotBlank @Size(max = 200) String publishingUnit,
            LocalDate dateWritten,
            @Size(max = 100) String indexNumber,
            @Size(max = 50) String disclosure,
            @Valid ContactsRequest contacts,
            @Valid BlocksRequest blocks,
            @Size(max = 200) List<@NotBlank @Size(max = 64) String> untitledItemIds,
            RateStyle rateStyle,
            NoticeSettings.Layout layout,
            @Valid VocabularyRequest vocabulary) {

        NoticeSettings toSettings() {
            ContactsRequest c = contacts;
            return new NoticeSettings(publishingUnit.strip(), dateWritten, strippedOrNull(indexNumber),
                    disclosure == null || disclosure.isBlank() ? NoticeSettings.PROACTIVE_DISCLOSURE : disclosure.strip(),
                    c == null ? null : new NoticeSettings.Contacts(strippedOrNull(c.phone()), strippedOrNull(c.postalAddress()),
                            strippedOrNull(c.postcode()), strippedOrNull(c.email())),
                    blocks == null ? NoticeSettings.Blocks.none() : blocks.toBlocks(),
                    untitledItemIds == null ? List.of() : List.copyOf(untitledItemIds), RateStyle.orDefault(rateStyle),
                    NoticeSettings.Layout.orDefault(layout),
                    vocabulary == null ? null : new NoticeSettings.Vocabulary(vocabulary.personUnit(), vocabulary.referral()));
        }
    }

    /**
     * A draft for one inspection ({@code inspectionId}) or for a whole round ({@code roundId}, ADR 0026): exactly one of
     * the two.
     */
    record ComposeRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String noticeId,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectionId,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String roundId,
            @Min(0) Long position,
            @Valid NarrativeRequest narrative,
            @Valid SettingsRequest settings) {
    }

    record RecomposeRequest(@Min(0) Long position) {
    }

    record ApproveRequest(
            @NotBlank @Pattern(regexp = "^[0-9a-f]{64}$", message = "必须是64位小写十六进制的 SHA-256") String contentHash,
            @Size(max = 2000) String comment) {
    }

    record PublishRequest(
            @NotNull LocalDate windowStart,
            @NotNull LocalDate windowEnd,
            Boolean historical) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record CorrectionRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String noticeId,
            @NotBlank @Size(max = 2000) String reason,
            @Min(0) Long position) {
    }

    record FeedbackRequest(
            @NotBlank(message = "请填写意见建议") @Size(max = MAX_FEEDBACK, message = "意见建议不能超过2000字") String text,
            @Size(max = MAX_NAME, message = "姓名不能超过50字") String name,
            @Size(max = MAX_CONTACT, message = "联系方式不能超过100字") String contact) {
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    record AnswerRequest(@NotBlank @Size(max = 5000) String answer, Boolean publicReply) {
    }

    record EscalateRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 64) String categoryId,
            @Size(max = 2000) String note) {
    }
}
