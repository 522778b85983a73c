package io.zhenggai.workbench;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.platform.security.Roles;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The entries of the workbench's navigation, each with the roles that may use it. The nav shows a user only the
 * entries their roles may use; the server still decides (the page chain's URL rules and {@code @PreAuthorize}).
 * The roles here are the ones the page controllers require, so nav and server cannot disagree.
 */
public final class Navigation {
    private Navigation() {
    }

    /** One entry: its zh-CN label, where it leads, a one-line description for the home page, the roles. */
    public record Entry(String label, String href, String description, Set<String> roles) {
        public boolean visibleTo(Collection<String> userRoles) {
            return userRoles.stream().anyMatch(roles::contains);
        }
    }

    private static Entry entry(String label, String href, String description, String... roles) {
        return new Entry(label, href, description, Set.copyOf(Arrays.asList(roles)));
    }

    /** 我的提醒: every account has an inbox; the nav shows its unread count ({@link Shell#badge}). */
    public static final String INBOX_LABEL = "我的提醒";
    public static final String INBOX_HREF = "/workbench/inbox";

    public static final List<Entry> ENTRIES = List.of(
            entry("整改台账", "/workbench/ledgers", "整改事项、措施、进展与佐证材料，申请销号",
                    WorkbenchRoles.LEDGER_READ),
            entry("待我审批", "/workbench/approvals", "等待单位领导审批的销号申请：同意或退回",
                    WorkbenchRoles.LEAD),
            entry("进度看板", "/dashboard", "整改进度、预警与完成率",
                    Roles.UNIT_LEADER, Roles.AUDITOR, Roles.INSPECTOR, Roles.RECTIFIER, Roles.ADMIN),
            entry(InspectionKind.EITHER, "/workbench/inspections", "安排、进驻、问题类别与问题、反馈、问题更正",
                    WorkbenchRoles.INSPECTION_READ),
            entry("制度与经费", "/workbench/finance", "制度的各版本、某日有效的制度、经费支出的检查与违规问题",
                    WorkbenchRoles.FINANCE_READ),
            entry("整改通报", "/workbench/notices", "编制、审核、发布、更正、撤回整改进展通报；意见建议的答复与转办",
                    WorkbenchRoles.NOTICE_READ),
            entry("审计", "/workbench/audit", "事件记录的筛选与导出、任一对象或台账的时点状态、因果链、哈希链校验",
                    WorkbenchRoles.AUDIT),
            entry("系统管理", "/workbench/admin", "用户与角色、投影重建的进度、案例文件的载入与状态", WorkbenchRoles.ADMIN),
            entry(INBOX_LABEL, INBOX_HREF, "每日整改提醒：即将到期、已逾期、销号申请被退回的事项", Roles.ALL),
            entry("公开通报", "/notices", "已公开的整改进展情况通报", Roles.ALL));

    /** The entries a user with these roles (without the ROLE_ prefix) may use. */
    public static List<Entry> visibleTo(Collection<String> roles) {
        return ENTRIES.stream().filter(e -> e.visibleTo(roles)).toList();
    }
}
