package io.zhenggai.benchmark.workload;

import java.util.random.RandomGenerator;

/**
 * A source of commands for the load clients. Implementations are shared by all client threads and must be
 * thread-safe; a command handed out is always {@linkplain Command#completed completed} by the client that got it,
 * so an implementation can keep one aggregate from being worked on by two clients at once.
 */
public interface Workload {

    /** A short name for reports. */
    String name();

    /** Called with the app up and caught up, before commands are measured (e.g. to create rounds). */
    void prepare(HttpApi api) throws Exception;

    /** The next command to send. */
    Command next(RandomGenerator random);

    /** One HTTP command and what to do with its outcome. */
    interface Command {
        /** Short name of the command for error reports (e.g. "RecordFinding"). */
        String name();

        String user();

        String method();

        String path();

        String body();

        /** Called once with the response status (or -1 when the request failed) and body. */
        void completed(int status, String body);
    }
}
