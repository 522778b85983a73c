package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.api.organisation.OrganisationCommands.RegisterOrganisationCommand;
import io.zhenggai.api.organisation.OrganisationCommands.SetAccessGrantsCommand;
import io.zhenggai.api.organisation.OrganisationKind;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.organisation.ScopeDirectory;
import io.zhenggai.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The organisations of a case file ({@code organisations[]}) registered before its steps run, and the seed user
 * granted its roles there: {@code INSPECTOR} in each inspecting group the file names, the unit's roles in each
 * inspected unit. The seed user is no ADMIN, so without these grants it could not write an inspection that belongs
 * to an organisation. Registering an organisation again as it is changes nothing, so a file loads twice the same.
 */
@Component
class SeedScopes {

    static final List<String> UNIT_ROLES = List.of(Roles.RECTIFIER, Roles.UNIT_LEADER, Roles.FINANCE_OFFICER, Roles.PUBLISHER);

    private final CommandGateway commands;
    private final ScopeDirectory directory;

    SeedScopes(CommandGateway commands, ScopeDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    void prepare(JsonNode seedCase, String seedUser) {
        for (JsonNode o : seedCase.path("organisations")) {
            commands.sendAndWait(new RegisterOrganisationCommand(o.path("organisationId").asText(), o.path("name").asText(),
                    OrganisationKind.valueOf(o.path("kind").asText()),
                    o.hasNonNull("parentId") ? o.path("parentId").asText() : null));
        }
        Set<RoleGrant> grants = new LinkedHashSet<>(directory.grantsOf(seedUser));
        for (JsonNode inspection : inspections(seedCase)) {
            if (inspection.hasNonNull("inspectingGroupId")) {
                grants.add(new RoleGrant(Roles.INSPECTOR, inspection.path("inspectingGroupId").asText(), false));
            }
            if (inspection.hasNonNull("inspectedUnitId")) {
                for (String role : UNIT_ROLES) {
                    grants.add(new RoleGrant(role, inspection.path("inspectedUnitId").asText(), false));
                }
            }
        }
        commands.sendAndWait(new SetAccessGrantsCommand(seedUser, List.copyOf(grants)));
    }

    private static List<JsonNode> inspections(JsonNode seedCase) {
        List<JsonNode> found = new ArrayList<>();
        if (seedCase.has("inspection")) {
            found.add(seedCase.path("inspection"));
        }
        for (JsonNode unit : seedCase.path("inspections")) {
            found.add(unit.path("inspection"));
        }
        return found;
    }
}
