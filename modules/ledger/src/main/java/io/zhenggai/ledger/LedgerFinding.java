package io.zhenggai.ledger;

import io.zhenggai.api.rectification.FindingSource;

/**
 * A finding of the ledger: delivered with the feedback ({@code source} {@link FindingSource#INSPECTION}, or null)
 * or supplementary (补充问题: public feedback, a finance violation). A withdrawn finding is not a ledger finding.
 */
public record LedgerFinding(String findingId, String categoryId, FindingSource source) {

    public LedgerFinding {
        source = source == null ? FindingSource.INSPECTION : source;
    }

    public boolean supplementary() {
        return source != FindingSource.INSPECTION;
    }
}
