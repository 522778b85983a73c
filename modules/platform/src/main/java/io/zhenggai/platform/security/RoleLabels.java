package io.zhenggai.platform.security;

import io.zhenggai.api.inspection.InspectionKind;

import java.util.Map;

/**
 * The zh-CN name of each role, as pages show it. The inspector's label takes the words for either kind
 * ({@link InspectionKind#EITHER}): which one it is depends on the inspection's kind, not on the role.
 */
public final class RoleLabels {
    private RoleLabels() {
    }

    private static final Map<String, String> LABELS = Map.of(
            Roles.INSPECTOR, InspectionKind.EITHER + "组成员",
            Roles.RECTIFIER, "整改专员",
            Roles.UNIT_LEADER, "单位领导",
            Roles.FINANCE_OFFICER, "财务人员",
            Roles.PUBLISHER, "信息公开专员",
            Roles.AUDITOR, "审计人员",
            Roles.ADMIN, "系统管理员");

    /** The label of a role (with or without the {@code ROLE_} prefix); the role itself when it has none. */
    public static String of(String role) {
        String bare = role.startsWith("ROLE_") ? role.substring("ROLE_".length()) : role;
        return LABELS.getOrDefault(bare, bare);
    }
}
