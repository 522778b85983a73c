package io.zhenggai.platform.readside;

/**
 * Reads served by a streaming replica (ADR 0052): after {@link ReadYourWrites} has seen the processors pass a
 * command's events on the primary, the replica must also have replayed what they wrote before the command answers.
 * Implemented by the application when {@code ZHENGGAI_DB_READ_URL} is set; absent otherwise.
 */
public interface ReplicaCatchUp {

    /**
     * Waits (briefly, bounded) until the replica has replayed everything the primary has committed so far, and hands
     * the primary's position to the client ({@code X-Min-Lsn}), so that a read that reaches a replica still behind it
     * is answered by the primary.
     */
    void awaitReplica();
}
