package io.zhenggai.reporting.chain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import io.zhenggai.reporting.chain.ChainQueries.*;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Tamper evidence (防篡改): verification of the hash chain over the event store, signed checkpoints and the public
 * key that verifies them. See docs/operations/audit-verification.md.
 */
@RestController
@Validated
@RequestMapping("/api/audit")
@Tag(name = "审计 Audit", description = "Hash-chain verification and signed checkpoints")
class ChainController {

    private static final String AUDIT = "hasAnyRole('AUDITOR','ADMIN')";
    static final String PEM = "application/x-pem-file";

    private final QueryGateway queries;

    ChainController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Recomputes the chain from the stored events. With {@code position} and {@code hash}, also checks a checkpoint
     * the caller kept (for instance one obtained earlier from {@code /api/audit/checkpoint}).
     */
    @GetMapping("/verify")
    @PreAuthorize(AUDIT)
    @Operation(summary = "校验 Recompute and check the hash chain over every stored event")
    ChainVerifier.Report verify(@RequestParam(required = false) @Min(1) Long position,
                                @RequestParam(required = false) @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "应为64位十六进制哈希") String hash) {
        if ((position == null) != (hash == null)) {
            throw new IllegalArgumentException("position 与 hash 须同时指定");
        }
        return queries.query(new VerifyChainQuery(position, hash), ChainVerifier.Report.class).join();
    }

    @GetMapping("/checkpoint")
    @PreAuthorize(AUDIT)
    @Operation(summary = "检查点 The chain's head (position, hash, time) signed with the audit key")
    Checkpoints.Checkpoint checkpoint(Authentication user) {
        return queries.query(new SignedCheckpointQuery(user.getName()), Checkpoints.Checkpoint.class).join();
    }

    @GetMapping("/public-key")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "公钥 The public key that verifies checkpoint signatures")
    Map<String, String> publicKey() {
        PublicKeyView key = publicKeyView();
        return Map.of("algorithm", key.algorithm(), "keyId", key.keyId(), "publicKeyPem", key.publicKeyPem());
    }

    @GetMapping(value = "/public-key.pem", produces = {PEM, MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE})
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> publicKeyPem() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PEM)).body(publicKeyView().publicKeyPem());
    }

    private PublicKeyView publicKeyView() {
        return queries.query(new FindPublicKeyQuery(), PublicKeyView.class).join();
    }
}
