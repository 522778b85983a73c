package io.zhenggai.api.organisation;

import java.util.List;

/** Queries of the organisation context. */
public final class OrganisationQueries {
    private OrganisationQueries() {
    }

    public record ListOrganisationsQuery() {
    }

    public record OrganisationView(String organisationId, String name, OrganisationKind kind, String kindLabel, String parentId) {
    }

    public record OrganisationList(List<OrganisationView> organisations) {
    }

    public record FindAccessGrantsQuery(String username) {
    }

    public record AccessGrantList(String username, List<RoleGrant> grants) {
    }

    /**
     * The organisations an object (an inspection, its rectification, a notice) belongs to: its inspected unit and its
     * inspecting group; null when it belongs to none. For the system's own work that must name the unit in its events.
     */
    public record FindOrganisationsOfQuery(String aggregateId) {
    }

    public record OrganisationsOf(String aggregateId, String unitId, String groupId) {
    }
}
