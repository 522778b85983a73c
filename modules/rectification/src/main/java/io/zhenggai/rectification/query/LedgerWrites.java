package io.zhenggai.rectification.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Where the ledger projection's handlers put what they fold: the read model ({@link LedgerBatch}) or one document in
 * memory ({@link InMemoryLedger}, for the ledger as of a past instant). One set of handlers serves both, so the ledger
 * of the past is folded by the same rules as today's.
 */
interface LedgerWrites {

    /** Opens a ledger unless it exists already. */
    void open(String rectificationId, String inspectionId, String inspectedUnit, LocalDate feedbackDate, long seq,
              Instant at, LedgerDocument doc);

    /** Applies {@code change} to the ledger unless the event at {@code seq} was applied already. */
    void update(String rectificationId, long seq, Instant at, Consumer<LedgerDocument> change);
}
