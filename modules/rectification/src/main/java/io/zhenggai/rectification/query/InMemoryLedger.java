package io.zhenggai.rectification.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/** One ledger document folded in memory (never written anywhere): the ledger as of a past instant. */
final class InMemoryLedger implements LedgerWrites {

    private LedgerDocument doc;
    private long version = -1;
    private Instant updatedAt;

    @Override
    public void open(String rectificationId, String inspectionId, String inspectedUnit, LocalDate feedbackDate, long seq,
                     Instant at, LedgerDocument opened) {
        if (doc != null) {
            return;
        }
        doc = opened;
        version = seq;
        updatedAt = at;
    }

    @Override
    public void update(String rectificationId, long seq, Instant at, Consumer<LedgerDocument> change) {
        if (doc == null || version >= seq) {
            return;
        }
        change.accept(doc);
        version = seq;
        updatedAt = at;
    }

    /** The document; null when nothing was opened (the rectification did not exist yet). */
    LedgerDocument document() {
        return doc;
    }

    long version() {
        return version;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
