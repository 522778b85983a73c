package io.zhenggai.platform.security;

/** The roles of Zhenggai. Spring Security authorities carry the {@code ROLE_} prefix. */
public final class Roles {
    private Roles() {
    }

    public static final String INSPECTOR = "INSPECTOR";
    public static final String RECTIFIER = "RECTIFIER";
    public static final String UNIT_LEADER = "UNIT_LEADER";
    public static final String FINANCE_OFFICER = "FINANCE_OFFICER";
    public static final String PUBLISHER = "PUBLISHER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    public static final String[] ALL = {INSPECTOR, RECTIFIER, UNIT_LEADER, FINANCE_OFFICER, PUBLISHER, AUDITOR, ADMIN};
}
