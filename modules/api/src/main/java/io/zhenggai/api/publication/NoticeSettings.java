package io.zhenggai.api.publication;

import java.time.LocalDate;
import java.util.List;

/**
 * How a notice is issued (edited by a publisher, not facts): the publishing unit (发布机构) and the date written
 * (成文日期) that sign it, disclosure metadata (信息索引号, 公开方式), the contact channels, which optional blocks of
 * computed figures it shows, and the items whose title it does not show (their measures are rendered directly,
 * as the seed notice does for a category with a single untitled item), and how its rates are written
 * ({@code rateStyle}: a whole percent, or two decimals; null reads as a whole percent).
 */
public record NoticeSettings(
        String publishingUnit,
        LocalDate dateWritten,
        String indexNumber,
        String disclosure,
        Contacts contacts,
        Blocks blocks,
        List<String> untitledItemIds,
        RateStyle rateStyle) {

    public static final String PROACTIVE_DISCLOSURE = "主动公开";

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
