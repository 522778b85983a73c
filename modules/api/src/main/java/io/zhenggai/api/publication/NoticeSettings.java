package io.zhenggai.api.publication;

import java.time.LocalDate;
import java.util.List;

/**
 * How a notice is issued (edited by a publisher, not facts): the publishing unit (发布机构) and the date written
 * (成文日期) that sign it, disclosure metadata (信息索引号, 公开方式), the contact channels, which optional blocks of
 * computed figures it shows, and the items whose title it does not show (their measures are rendered directly,
 * as the seed notice does for a category with a single untitled item), how its rates are written
 * ({@code rateStyle}: a whole percent, or two decimals; null reads as a whole percent), how section 二 is laid out
 * ({@code layout}) and the words of the accountability block ({@code vocabulary}).
 */
public record NoticeSettings(
        String publishingUnit,
        LocalDate dateWritten,
        String indexNumber,
        String disclosure,
        Contacts contacts,
        Blocks blocks,
        List<String> untitledItemIds,
        RateStyle rateStyle,
        Layout layout,
        Vocabulary vocabulary) {

    public static final String PROACTIVE_DISCLOSURE = "主动公开";

    public NoticeSettings(String publishingUnit, LocalDate dateWritten, String indexNumber, String disclosure,
                          Contacts contacts, Blocks blocks, List<String> untitledItemIds, RateStyle rateStyle) {
        this(publishingUnit, dateWritten, indexNumber, disclosure, contacts, blocks, untitledItemIds, rateStyle, null, null);
    }

    /**
     * How section 二 is laid out under each category: {@code ITEMS} (the default, null reads so) prints the
     * rectification items 1. 2. … with their measures; {@code PROBLEMS} prints each problem (finding) 1. 2. … with
     * its manifestations, then "整改情况：" and the measures of the items that answer it.
     */
    public enum Layout {
        ITEMS, PROBLEMS;

        public static Layout orDefault(Layout layout) {
            return layout == null ? ITEMS : layout;
        }
    }

    /** 人 or 人次, as the unit counts accountability. */
    public enum PersonUnit {
        PERSONS("人"), PERSON_TIMES("人次");

        private final String label;

        PersonUnit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the unit words a referral to the discipline commission. */
    public enum ReferralWording {
        HAND_OVER("交由纪委调查"), TRANSFER("移交纪委监委");

        private final String label;

        ReferralWording(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The words of the accountability block, as the unit chooses them; null parts read as 人次 and 移交纪委监委 (the
     * wording before the choice existed).
     */
    public record Vocabulary(PersonUnit personUnit, ReferralWording referral) {
        public static Vocabulary orDefault(Vocabulary v) {
            return new Vocabulary(v == null || v.personUnit() == null ? PersonUnit.PERSON_TIMES : v.personUnit(),
                    v == null || v.referral() == null ? ReferralWording.TRANSFER : v.referral());
        }

        /** The label of a kind in this vocabulary. */
        public String label(io.zhenggai.api.rectification.AccountabilityKind kind) {
            return kind == io.zhenggai.api.rectification.AccountabilityKind.DISCIPLINE_REFERRAL && referral != null
                    ? referral.label() : kind.label();
        }
    }

    /** 联系方式. */
    public record Contacts(String phone, String postalAddress, String postcode, String email) {
    }

    /**
     * Optional blocks computed from the facts: totals (问题数、完成数、完成率), regulations established, accountability
     * counts, money recovered, meetings held; and, per item, its status and per measure its latest progress.
     */
    public record Blocks(boolean totals, boolean regulations, boolean accountability, boolean money, boolean meetings,
                         boolean itemStatus, boolean progress) {

        public static Blocks none() {
            return new Blocks(false, false, false, false, false, false, false);
        }
    }
}
