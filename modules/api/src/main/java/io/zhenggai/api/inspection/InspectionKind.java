package io.zhenggai.api.inspection;

import java.util.Map;

/**
 * 巡视 or 巡察: which kind of inspection it is. 巡视 is carried out by the Central Committee and by provincial-level
 * committees, 巡察 by city and county-level committees. The ONE place where the words are chosen: every sentence,
 * heading, label and dashboard text takes its words from the inspection's kind, so the two are never mixed.
 * Inspections recorded before the kind existed are 巡察 ({@link #orDefault}); see ADR 0017.
 */
public enum InspectionKind {
    /** 巡视 (中央巡视组, 省委第N巡视组). */
    XUNSHI("巡视"),
    /** 巡察 (市委/区委/县委第N巡察组). */
    XUNCHA("巡察");

    /** The kind of an inspection whose stream records none: every inspection recorded before the kind existed. */
    public static final InspectionKind DEFAULT = XUNCHA;

    /**
     * The words for a text about inspections of either kind (a list of all notices, a rule that names no inspection
     * yet). A compile-time constant so that API annotations can use it.
     */
    public static final String EITHER = "巡视巡察";

    private final String word;

    InspectionKind(String word) {
        this.word = word;
    }

    public static InspectionKind orDefault(InspectionKind kind) {
        return kind == null ? DEFAULT : kind;
    }

    /** 巡视 / 巡察. */
    public String word() {
        return word;
    }

    /** Same as {@link #word()}: the label of the kind. */
    public String label() {
        return word;
    }

    /** 巡视组 / 巡察组. */
    public String group() {
        return word + "组";
    }

    /** 巡视意见 / 巡察意见. */
    public String opinions() {
        return word + "意见";
    }

    /** 巡视整改 / 巡察整改. */
    public String rectification() {
        return word + "整改";
    }

    /** 巡视反馈 / 巡察反馈. */
    public String feedback() {
        return word + "反馈";
    }

    /** 被巡视单位 / 被巡察单位. */
    public String inspectedUnit() {
        return "被" + word + "单位";
    }

    /** The label of an inspection's status (SCHEDULED, FIELDWORK, FIELDWORK_CONCLUDED, FEEDBACK_DELIVERED). */
    public String statusLabel(String status) {
        return statusLabel(word, status);
    }

    /** The words of this kind, for clients that write their own texts (the dashboard). */
    public Terms terms() {
        return new Terms(word, group(), opinions(), rectification(), feedback(), inspectedUnit());
    }

    /** The words for either kind (a view across inspections of both kinds). */
    public static Terms eitherTerms() {
        return new Terms(EITHER, "巡视组/巡察组", EITHER + "意见", EITHER + "整改", EITHER + "反馈", "被" + EITHER + "单位");
    }

    private static String statusLabel(String word, String status) {
        return status == null ? null : Map.of(
                "SCHEDULED", "已安排",
                "FIELDWORK", word + "进驻中",
                "FIELDWORK_CONCLUDED", "进驻已结束",
                "FEEDBACK_DELIVERED", "已反馈意见").get(status);
    }

    /** The words of one kind (or of either): 巡视/巡视组/巡视意见/巡视整改/巡视反馈/被巡视单位. */
    public record Terms(String word, String group, String opinions, String rectification, String feedback,
                        String inspectedUnit) {
    }
}
