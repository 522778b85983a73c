package io.zhenggai.app.config.reads;

import io.zhenggai.platform.web.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The {@code X-Min-Lsn} header (ADR 0052): a command's answer names the primary's WAL position its reads need; a read
 * that sends it back is served by a replica only once that replica has replayed up to it.
 */
public final class MinLsn {

    public static final String HEADER = "X-Min-Lsn";
    /** Request attribute: the parsed header. */
    static final String ATTRIBUTE = MinLsn.class.getName();
    /** Request attribute: whether the replica has replayed it (decided once per request). */
    static final String REPLAYED = MinLsn.class.getName() + ".replayed";

    private static final Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    private MinLsn() {
    }

    /** The header's value when it is a WAL position ({@code 0/16B3748}); null when absent or blank. */
    public static String parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (!LSN.matcher(value).matches()) {
            throw new InvalidInputException(HEADER, "MIN_LSN_INVALID", "X-Min-Lsn 须为数据库日志位置，如 0/16B3748");
        }
        return value;
    }
}
