package io.zhenggai.api.rectification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One piece of evidence of rectification, as recorded with progress. Exactly the part that {@code kind} names is
 * required (a {@code DOCUMENT} has a {@link Document}, a {@code FIGURE} a {@link Figure} …); any kind may in
 * addition carry a {@link File} (e.g. the scan of the document) and a {@code description}.
 * Files are stored by content: the event carries the SHA-256, the bytes live in the evidence file store. As part of a
 * command its id and kind are required (Bean Validation); what each kind requires is the aggregate's rule.
 */
public record Evidence(
        @NotBlank String evidenceId,
        @NotNull EvidenceKind kind,
        String description,
        Document document,
        Meeting meeting,
        Organisation organisation,
        Figure figure,
        File file) {

    /** A document issued: 《title》, number (文号, e.g. 南统〔2023〕12号), date issued. */
    public record Document(String title, String number, LocalDate date) {
    }

    /** A meeting held (its date and title; the kind is free text here, e.g. 部务会). */
    public record Meeting(String title, String kind, LocalDate date) {
    }

    /** An organisation founded, e.g. 南海区佛教协会 or a Party branch. */
    public record Organisation(String name, LocalDate date) {
    }

    /** A figure reached: metric, exact value and unit, e.g. 微信公众号粉丝 14000 人, as of a date. */
    public record Figure(String metric, BigDecimal value, String unit, LocalDate asOf) {
    }

    /** A stored file: lowercase hex SHA-256 of its bytes, its name, media type and size in bytes. */
    public record File(String sha256, String fileName, String contentType, long size) {
    }
}
