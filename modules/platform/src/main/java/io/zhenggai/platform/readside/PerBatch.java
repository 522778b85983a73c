package io.zhenggai.platform.readside;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection's handlers change in one batch of events, kept as a resource of the batch's (root) unit of work
 * and written once when the batch commits, in the transaction that also stores the processor's token (ADR 0036).
 * Outside a unit of work, or when batching is switched off ({@code zhenggai.perf.batched-writes=false}), each call
 * writes at once: a batch of one.
 *
 * @param <S> the pending changes of one batch (e.g. rows by key)
 */
public final class PerBatch<S> {

    private final String key;
    private final Supplier<S> create;
    private final Consumer<S> write;
    private final boolean batched;

    /**
     * @param key    the resource key (unique per projection)
     * @param create a new, empty set of pending changes
     * @param write  writes the pending changes (in the batch's transaction, at prepare-commit)
     */
    public PerBatch(String key, Supplier<S> create, Consumer<S> write, boolean batched) {
        this.key = key;
        this.create = create;
        this.write = write;
        this.batched = batched;
    }

    /** Lets {@code step} change the pending changes of the current batch. */
    public void apply(Consumer<S> step) {
        if (batched && CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            S pending = root.getOrComputeResource(key, k -> {
                S created = create.get();
                root.onPrepareCommit(u -> write.accept(created));
                return created;
            });
            step.accept(pending);
        } else {
            S single = create.get();
            step.accept(single);
            write.accept(single);
        }
    }
}
