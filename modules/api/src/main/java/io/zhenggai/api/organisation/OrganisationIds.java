package io.zhenggai.api.organisation;

/**
 * Aggregate ids of the organisation context. Streams are keyed by aggregate id alone, so an organisation's id and an
 * account's name get a prefix that no other context uses.
 */
public final class OrganisationIds {
    private OrganisationIds() {
    }

    public static final String ORGANISATION_PREFIX = "organisation:";
    public static final String GRANTS_PREFIX = "access-grants:";

    public static String organisation(String organisationId) {
        return ORGANISATION_PREFIX + organisationId;
    }

    public static String grants(String username) {
        return GRANTS_PREFIX + username;
    }

    /** True for the ids of this context's aggregates (only ADMIN sends their commands). */
    public static boolean isOwn(String aggregateId) {
        return aggregateId != null && (aggregateId.startsWith(ORGANISATION_PREFIX) || aggregateId.startsWith(GRANTS_PREFIX));
    }
}
