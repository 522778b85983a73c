package io.zhenggai.app.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of a projection's processor: Axon's (Spring's) transaction, committed with
 * {@code synchronous_commit = off} (ADR 0035). The rows and the token commit together, so a batch lost in a crash
 * before its WAL reached the disk is simply processed again; the database never sees half a batch.
 */
final class AsynchronousCommitTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    AsynchronousCommitTransactionManager(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            jdbc.execute("set local synchronous_commit = off");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
