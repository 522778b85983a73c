package io.zhenggai.platform.readside;

import org.springframework.dao.TransientDataAccessException;

/**
 * A handler failed in a processor's batch that ran without a savepoint per handler (ADR 0036): the transaction may
 * hold the handler's partial writes or be aborted, so the batch is rolled back and retried (a transient failure,
 * never parked), this time with a savepoint per handler up to the event that failed, so that the dead-letter queue
 * parks that event as before. Not a failure of the projection: the error reporting leaves it out.
 */
public final class RetryWithSavepointsException extends TransientDataAccessException {

    public RetryWithSavepointsException(String group, long position, Throwable cause) {
        super("handler of " + group + " failed at position " + position + " in a batch without savepoints; "
                + "retrying the batch with a savepoint per handler", cause);
    }

    /** True when {@code error} is, or was caused by, such a retry. */
    public static boolean isRetry(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryWithSavepointsException) {
                return true;
            }
        }
        return false;
    }
}
