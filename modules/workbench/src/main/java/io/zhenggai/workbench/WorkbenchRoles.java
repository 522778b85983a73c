package io.zhenggai.workbench;

import io.zhenggai.platform.security.Roles;

/**
 * Which roles may use which workbench pages: the same roles as the API's rules for the commands and queries the
 * pages send (the page controllers' {@code @PreAuthorize} strings say the same, since annotations need constants).
 */
public final class WorkbenchRoles {
    private WorkbenchRoles() {
    }

    public static final String[] LEDGER_READ = {Roles.RECTIFIER, Roles.UNIT_LEADER, Roles.INSPECTOR, Roles.AUDITOR, Roles.ADMIN};
    public static final String[] RECORD = {Roles.RECTIFIER, Roles.ADMIN};
    public static final String[] LEAD = {Roles.UNIT_LEADER, Roles.ADMIN};

    public static final String READ_EXPRESSION = "hasAnyRole('RECTIFIER','UNIT_LEADER','INSPECTOR','AUDITOR','ADMIN')";
    public static final String RECORD_EXPRESSION = "hasAnyRole('RECTIFIER','ADMIN')";
    public static final String LEAD_EXPRESSION = "hasAnyRole('UNIT_LEADER','ADMIN')";

    // notices (the publication API's rules: compose and publish, approve, read, feedback with personal data)
    public static final String[] NOTICE_READ = {Roles.PUBLISHER, Roles.UNIT_LEADER, Roles.AUDITOR, Roles.ADMIN};
    public static final String[] FEEDBACK_READ = {Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN};
    public static final String NOTICE_READ_EXPRESSION = "hasAnyRole('PUBLISHER','UNIT_LEADER','AUDITOR','ADMIN')";
    public static final String NOTICE_WRITE_EXPRESSION = "hasAnyRole('PUBLISHER','ADMIN')";
    public static final String NOTICE_APPROVE_EXPRESSION = "hasAnyRole('UNIT_LEADER','ADMIN')";
    public static final String FEEDBACK_READ_EXPRESSION = "hasAnyRole('PUBLISHER','AUDITOR','ADMIN')";

    // inspections (the inspection API's rules), regulations and expenses (finance), audit, administration
    public static final String[] INSPECTION_READ = {Roles.INSPECTOR, Roles.ADMIN, Roles.AUDITOR, Roles.UNIT_LEADER, Roles.RECTIFIER};
    public static final String INSPECTION_READ_EXPRESSION = "hasAnyRole('INSPECTOR','ADMIN','AUDITOR','UNIT_LEADER','RECTIFIER')";
    public static final String INSPECTION_WRITE_EXPRESSION = "hasAnyRole('INSPECTOR','ADMIN')";
    public static final String[] FINANCE_READ = {Roles.FINANCE_OFFICER, Roles.UNIT_LEADER, Roles.ADMIN, Roles.AUDITOR, Roles.INSPECTOR, Roles.RECTIFIER};
    public static final String FINANCE_READ_EXPRESSION = "hasAnyRole('FINANCE_OFFICER','UNIT_LEADER','ADMIN','AUDITOR','INSPECTOR','RECTIFIER')";
    public static final String[] AUDIT = {Roles.AUDITOR, Roles.ADMIN};
    public static final String AUDIT_EXPRESSION = "hasAnyRole('AUDITOR','ADMIN')";
    public static final String[] ADMIN = {Roles.ADMIN};
    public static final String ADMIN_EXPRESSION = "hasRole('ADMIN')";
}
