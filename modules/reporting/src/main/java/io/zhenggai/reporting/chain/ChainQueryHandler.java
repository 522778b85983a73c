package io.zhenggai.reporting.chain;

import io.zhenggai.reporting.chain.ChainQueries.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Answers the tamper-evidence queries: verification of the hash chain, signed checkpoints and the public key. */
@Component
class ChainQueryHandler {

    private final AuditChainWriter writer;
    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;

    ChainQueryHandler(AuditChainWriter writer, ChainVerifier verifier, Checkpoints checkpoints, CheckpointSigner signer) {
        this.writer = writer;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    @QueryHandler
    ChainVerifier.Report verify(VerifyChainQuery q) {
        writer.catchUp();
        List<ChainVerifier.ExpectedHash> extra = new ArrayList<>();
        if (q.position() != null) {
            extra.add(new ChainVerifier.ExpectedHash(q.position(), q.hash().toLowerCase(Locale.ROOT), "调用方提供的检查点"));
        }
        return verifier.verify(extra);
    }

    @QueryHandler
    Checkpoints.Checkpoint checkpoint(SignedCheckpointQuery q) {
        return checkpoints.issue(q.issuedBy());
    }

    @QueryHandler
    PublicKeyView publicKey(FindPublicKeyQuery q) {
        return new PublicKeyView(signer.algorithm(), signer.keyId(), signer.publicKeyPem());
    }
}
