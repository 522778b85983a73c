package io.zhenggai.api.finance;

/**
 * The kind of an expense; a rule applies to the expenses of one category. Each category belongs to the
 * regulation area that usually governs it (used to filter expenses by area).
 */
public enum ExpenseCategory {
    RECEPTION("公务接待", RegulationArea.RECEPTION),
    PROCUREMENT("采购", RegulationArea.PROCUREMENT),
    CONTRACT("合同支出", RegulationArea.CONTRACTS),
    VEHICLE("公务用车", RegulationArea.VEHICLES),
    NON_PARTY_FUNDS("党外人士工作经费", RegulationArea.FUNDS),
    SPECIAL_BALANCE_FUNDS("专项结余资金", RegulationArea.FUNDS),
    TRAVEL("差旅", RegulationArea.FINANCE),
    MEETING("会议", RegulationArea.FINANCE),
    TRAINING("培训", RegulationArea.FINANCE),
    OFFICE("办公", RegulationArea.FINANCE),
    OTHER("其他", RegulationArea.FINANCE);

    private final String label;
    private final RegulationArea area;

    ExpenseCategory(String label, RegulationArea area) {
        this.label = label;
        this.area = area;
    }

    public String label() {
        return label;
    }

    public RegulationArea area() {
        return area;
    }
}
