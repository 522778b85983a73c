package io.zhenggai.platform.web;

import java.util.UUID;

/**
 * Ids of new resources: a client may choose one (e.g. to load a case idempotently); otherwise the server makes one.
 */
public final class ClientIds {

    private ClientIds() {
    }

    /** The id the client supplied, or a new random UUID when it supplied none (null or blank). */
    public static String orNew(String clientId) {
        return clientId != null && !clientId.isBlank() ? clientId : UUID.randomUUID().toString();
    }
}
