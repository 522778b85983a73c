package io.zhenggai.app.security;

import io.zhenggai.api.organisation.OrganisationCommands.RegisterOrganisationCommand;
import io.zhenggai.api.organisation.OrganisationKind;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.platform.security.Roles;

import java.util.List;
import java.util.Map;

/**
 * The organisations and grants of the demo accounts: the seed case's district, unit and group (the same ids as in
 * {@code seeds/nanhai-2023-tzb.json}), the district's discipline commission, and a second unit with its own rectifier
 * ({@code rectifier_b}), for whom the seed case's ledger is out of reach.
 */
final class DemoOrganisations {

    private DemoOrganisations() {
    }

    static final String DISTRICT = "nanhai";
    static final String UNIT = "nanhai-tzb";
    static final String GROUP = "nanhai-xcz-4";
    static final String SECOND_UNIT = "nanhai-xcb";
    static final String SECOND_RECTIFIER = "rectifier_b";

    static final List<RegisterOrganisationCommand> ORGANISATIONS = List.of(
            new RegisterOrganisationCommand(DISTRICT, "佛山市南海区", OrganisationKind.REGION, null),
            new RegisterOrganisationCommand(UNIT, "区委统战部", OrganisationKind.UNIT, DISTRICT),
            new RegisterOrganisationCommand(GROUP, "区委第四巡察组", OrganisationKind.INSPECTION_GROUP, DISTRICT),
            new RegisterOrganisationCommand("nanhai-jw", "区纪委监委", OrganisationKind.OVERSEEING_BODY, DISTRICT),
            new RegisterOrganisationCommand(SECOND_UNIT, "区委宣传部", OrganisationKind.UNIT, DISTRICT));

    /** The grants of each demo account, beside the bare role it keeps (ADMIN has its bare role only). */
    static final Map<String, List<RoleGrant>> GRANTS = Map.of(
            "inspector", List.of(new RoleGrant(Roles.INSPECTOR, GROUP, false)),
            "rectifier", List.of(new RoleGrant(Roles.RECTIFIER, UNIT, false)),
            "unit_leader", List.of(new RoleGrant(Roles.UNIT_LEADER, UNIT, false)),
            "finance_officer", List.of(new RoleGrant(Roles.FINANCE_OFFICER, UNIT, false)),
            "publisher", List.of(new RoleGrant(Roles.PUBLISHER, UNIT, false)),
            "auditor", List.of(new RoleGrant(Roles.AUDITOR, DISTRICT, true)),
            SECOND_RECTIFIER, List.of(new RoleGrant(Roles.RECTIFIER, SECOND_UNIT, false)));
}
