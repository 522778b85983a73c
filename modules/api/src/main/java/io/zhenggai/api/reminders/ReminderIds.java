package io.zhenggai.api.reminders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Aggregate ids of the reminders context. A digest's id is derived from its recipient and business date, so a second
 * firing of the same day addresses the same aggregate and records nothing new; names (Chinese, any length) enter the
 * id as a SHA-256 prefix.
 */
public final class ReminderIds {
    private ReminderIds() {
    }

    public static final String DIGEST_PREFIX = "reminder-digest:";
    public static final String RECIPIENT_PREFIX = "reminder-recipient:";

    /** The digest of {@code name} ({@code kind}) in unit {@code unit} for {@code date}. */
    public static String digest(LocalDate date, String unit, RecipientKind kind, String name) {
        return DIGEST_PREFIX + date + ":" + kind.name().toLowerCase() + ":" + key(unit, kind, name);
    }

    /** The directory entry of {@code name} ({@code kind}) in unit {@code unit}. */
    public static String recipient(String unit, RecipientKind kind, String name) {
        return RECIPIENT_PREFIX + kind.name().toLowerCase() + ":" + key(unit, kind, name);
    }

    public static boolean isDigest(String aggregateId) {
        return aggregateId != null && aggregateId.startsWith(DIGEST_PREFIX);
    }

    private static String key(String unit, RecipientKind kind, String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((unit + "\u0000" + kind.name() + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
