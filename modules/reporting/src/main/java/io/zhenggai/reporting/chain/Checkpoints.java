package io.zhenggai.reporting.chain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Signed checkpoints: the chain's head (position, hash) at a time, signed with the audit key. The signed text is
 * {@code zhenggai-audit-checkpoint:v1:<position>:<hash>:<time>} (UTF-8; time as ISO-8601 UTC with milliseconds).
 * Every checkpoint handed out is recorded, and the verification checks it again later.
 */
@Component
public class Checkpoints {

    public static final String PREFIX = "zhenggai-audit-checkpoint:v1:";

    private final AuditChainWriter writer;
    private final CheckpointSigner signer;
    private final JdbcClient jdbc;
    private final Clock clock;
    /**
     * The record of a checkpoint is a write, while the query that asks for one runs in the query bus's read-only
     * transaction (ADR 0051): it commits in a transaction of its own, on the primary.
     */
    private final TransactionTemplate record;

    Checkpoints(AuditChainWriter writer, CheckpointSigner signer, JdbcClient jdbc, Clock clock,
                PlatformTransactionManager transactions) {
        this.record = new TransactionTemplate(transactions);
        this.record.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.record.setReadOnly(false);
        this.writer = writer;
        this.signer = signer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Checkpoint(long position, String hash, Instant time, String algorithm, String keyId, String signedText,
                             String signature) {
    }

    public static String signedText(long position, String hash, Instant time) {
        return PREFIX + position + ":" + hash + ":" + time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Chains what can be chained, then signs the head. */
    public Checkpoint issue(String issuedBy) {
        ChainHead head = writer.catchUp();
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String text = signedText(head.position(), head.hash(), time);
        String signature = signer.sign(text);
        if (head.position() > 0) {
            record.executeWithoutResult(status -> jdbc.sql("""
                            insert into audit_checkpoint (position, hash, issued_at, issued_by, key_id, signature)
                            values (:p, :h, :t, :by, :key, :sig)""")
                    .param("p", head.position()).param("h", head.hash()).param("t", Timestamp.from(time))
                    .param("by", issuedBy).param("key", signer.keyId()).param("sig", signature).update());
        }
        return new Checkpoint(head.position(), head.hash(), time, signer.algorithm(), signer.keyId(), text, signature);
    }
}
