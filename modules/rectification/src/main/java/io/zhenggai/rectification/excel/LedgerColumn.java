package io.zhenggai.rectification.excel;

import java.util.List;

/**
 * The fields an imported 整改台账 can carry, each with the header texts offices use for it (the first is the one our
 * export writes). {@code key} is the name of the mapping parameter that names the column by hand.
 */
public enum LedgerColumn {
    SERIAL("serial", false, "序号", "编号"),
    PROBLEM("problem", true, "问题", "反馈问题", "存在问题", "问题描述", "问题清单"),
    ITEM("item", false, "整改事项", "整改任务"),
    MEASURES("measures", false, "整改措施", "整改举措"),
    LEADER("leader", false, "责任领导", "牵头领导", "分管领导"),
    DEPARTMENT("department", false, "责任部门", "责任单位", "责任科室", "牵头部门"),
    KIND("kind", false, "整改类型"),
    DUE("dueDate", false, "完成时限", "整改时限", "完成时间"),
    STATUS("status", false, "完成情况", "整改情况", "整改进展", "整改完成情况"),
    EVIDENCE("evidence", false, "佐证材料", "佐证资料", "证明材料");

    private final String key;
    private final boolean required;
    private final List<String> headers;

    LedgerColumn(String key, boolean required, String... headers) {
        this.key = key;
        this.required = required;
        this.headers = List.of(headers);
    }

    public String key() {
        return key;
    }

    public boolean required() {
        return required;
    }

    /** The header our export writes and an office's ledger usually has. */
    public String header() {
        return headers.get(0);
    }

    public List<String> headers() {
        return headers;
    }
}
