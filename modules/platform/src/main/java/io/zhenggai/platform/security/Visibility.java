package io.zhenggai.platform.security;

import java.util.Set;

/**
 * What the caller of a list may see, by aggregate id (an inspection, its rectification, its notices): everything
 * ({@code all}), the objects of the organisations their grants reach ({@code objects}), and, when they hold a bare
 * role ({@code unassigned}), every object that belongs to no organisation, i.e. is not in {@code assigned}. Lists
 * filter with {@link #sees} or, in SQL, with {@link #predicate} and {@link #args} (positional parameters).
 */
public record Visibility(boolean all, Set<String> objects, boolean unassigned, Set<String> assigned) {

    public static final Visibility EVERYTHING = new Visibility(true, Set.of(), false, Set.of());

    public boolean sees(String aggregateId) {
        return all || objects.contains(aggregateId) || (unassigned && !assigned.contains(aggregateId));
    }

    /** A SQL condition on {@code column} that holds for the rows this visibility sees; four positional parameters. */
    public static String predicate(String column) {
        return "(? or " + column + " = any(?) or (? and not (" + column + " = any(?))))";
    }

    /** As {@link #predicate}, with the named parameters of {@link #namedArgs}. */
    public static String namedPredicate(String column) {
        return "(:scopeAll or " + column + " = any(:scopeObjects) or (:scopeUnassigned and not (" + column
                + " = any(:scopeAssigned))))";
    }

    public java.util.Map<String, Object> namedArgs() {
        Object[] a = args();
        return java.util.Map.of("scopeAll", a[0], "scopeObjects", a[1], "scopeUnassigned", a[2], "scopeAssigned", a[3]);
    }

    /** The four parameters of {@link #predicate}, in order. */
    public Object[] args() {
        return new Object[]{all, objects.toArray(String[]::new), unassigned, assigned.toArray(String[]::new)};
    }
}
