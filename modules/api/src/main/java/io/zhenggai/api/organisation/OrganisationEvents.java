package io.zhenggai.api.organisation;

/** Events of the organisation context. A published event is never changed in place. */
public final class OrganisationEvents {
    private OrganisationEvents() {
    }

    public record OrganisationRegisteredEvent(String organisationId, String name, OrganisationKind kind, String parentId) {
    }

    /** {@code username} was given {@code grant.role()} within the grant's scope. */
    public record AccessGrantedEvent(String username, RoleGrant grant) {
    }

    /** {@code username} no longer holds {@code grant}; it takes effect with the transaction that stores this event. */
    public record AccessRevokedEvent(String username, RoleGrant grant) {
    }
}
