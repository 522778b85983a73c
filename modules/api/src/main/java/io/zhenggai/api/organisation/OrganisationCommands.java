package io.zhenggai.api.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Commands of the organisation context; only {@code ADMIN} sends them. */
public final class OrganisationCommands {
    private OrganisationCommands() {
    }

    /** Registers an organisation under its parent (which must exist), or at the top when {@code parentId} is null. */
    public record RegisterOrganisationCommand(String organisationId, String name, OrganisationKind kind, String parentId) {

        @TargetAggregateIdentifier
        public String aggregateId() {
            return OrganisationIds.organisation(organisationId);
        }
    }

    /** Replaces the role grants of an account: the grants not held yet are granted, the ones left out revoked. */
    public record SetAccessGrantsCommand(String username, List<RoleGrant> grants) {

        public SetAccessGrantsCommand {
            grants = grants == null ? List.of() : List.copyOf(grants);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return OrganisationIds.grants(username);
        }
    }
}
