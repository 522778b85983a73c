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
}
