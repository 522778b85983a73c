package io.zhenggai.api.reminders;

/** A digest's recipient: a responsible leader or department ({@code name}, as the ledger names it) of {@code unit}. */
public record Recipient(RecipientKind kind, String name, String unit) {
}
