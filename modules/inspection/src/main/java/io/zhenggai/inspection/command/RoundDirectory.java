package io.zhenggai.inspection.command;

/**
 * Whether a round exists, asked on the command side: a command that names a round is checked against what the
 * event store holds, never against a read model that may lag behind (a round created a moment ago exists).
 */
@FunctionalInterface
interface RoundDirectory {
    boolean exists(String roundId);
}
