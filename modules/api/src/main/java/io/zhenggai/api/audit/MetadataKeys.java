package io.zhenggai.api.audit;

/**
 * Keys of the audit metadata that every message and every stored event carries.
 * The audit history depends on them: who caused an event, through which command, in which chain.
 */
public final class MetadataKeys {
    private MetadataKeys() {
    }

    /** The authenticated user who caused the message ({@code system} for the system's own actions). */
    public static final String USER = "userId";
    /** The id of the first message of the chain (the command a person sent). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The simple name of the command that caused the event. */
    public static final String COMMAND_NAME = "commandName";
    /** The client's {@code X-Request-Id}, when it sent one. */
    public static final String REQUEST_ID = "requestId";

    /**
     * The organisation the user acted for: the one whose grant allowed the command (absent for {@code ADMIN} on an
     * object of no organisation, and for the system's own actions).
     */
    public static final String ORGANISATION = "organisationId";

    public static final String SYSTEM_USER = "system";
}
