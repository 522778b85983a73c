package io.zhenggai.api.finance;

/**
 * The identity of a unit's rule book: one per unit, derived from the unit's name. In the api because the scope of a
 * rule book (the organisation of that name) is read from its id by the organisation context.
 */
public final class RuleBookIds {
    private RuleBookIds() {
    }

    public static final String PREFIX = "finance-rulebook:";

    /** The unit's name as written, with surrounding and repeated whitespace removed. */
    public static String normalizeUnit(String unit) {
        return unit == null ? null : unit.strip().replaceAll("\\s+", " ");
    }

    public static String of(String unit) {
        return PREFIX + normalizeUnit(unit);
    }
}
