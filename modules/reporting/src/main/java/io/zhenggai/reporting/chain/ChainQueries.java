package io.zhenggai.reporting.chain;

/**
 * Queries of the tamper evidence and their typed results, answered by {@link ChainQueryHandler}. Each first brings
 * the chain up to the head of the event store.
 */
public final class ChainQueries {
    private ChainQueries() {
    }

    /** The chain recomputed and checked; with {@code position} and {@code hash}, also a checkpoint the caller kept. */
    public record VerifyChainQuery(Long position, String hash) {
    }

    /** The chain's head signed with the audit key, for {@code issuedBy} (the issue is recorded). */
    public record SignedCheckpointQuery(String issuedBy) {
    }

    /** The public key that verifies checkpoint signatures. */
    public record FindPublicKeyQuery() {
    }

    public record PublicKeyView(String algorithm, String keyId, String publicKeyPem) {
    }
}
