package io.zhenggai.api.organisation;

/**
 * A role within a scope: the organisation {@code organisationId} alone, or with {@code includeDescendants} that
 * organisation and everything under it.
 */
public record RoleGrant(String role, String organisationId, boolean includeDescendants) {
}
