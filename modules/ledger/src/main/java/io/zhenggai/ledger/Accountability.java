package io.zhenggai.ledger;

import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.RectificationQueries.AccountabilityCount;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accountability outcomes (问责) summed by kind — the one way readers sum them. Only what was recorded is listed:
 * a kind with a recorded 0 is listed with 0, a kind nobody recorded is not listed. An outcome stated without a number
 * ({@code personsNotCounted}, 对相关责任人员作出处理) adds no persons; a kind is {@code uncounted} when none of its
 * outcomes gave a number. Order: the declaration order of {@link AccountabilityKind}.
 */
public final class Accountability {
    private Accountability() {
    }

    /** One recorded outcome as far as the sum needs it. */
    public record Fact(AccountabilityKind kind, int count, boolean personsNotCounted) {
    }

    /** The recorded outcomes summed by kind. */
    public static List<AccountabilityCount> byKind(Collection<Fact> facts) {
        Map<AccountabilityKind, Integer> persons = new EnumMap<>(AccountabilityKind.class);
        Set<AccountabilityKind> counted = EnumSet.noneOf(AccountabilityKind.class);
        for (Fact f : facts) {
            persons.merge(f.kind(), f.personsNotCounted() ? 0 : f.count(), Integer::sum);
            if (!f.personsNotCounted()) {
                counted.add(f.kind());
            }
        }
        return persons.entrySet().stream()
                .map(e -> new AccountabilityCount(e.getKey(), e.getKey().label(), e.getValue(), !counted.contains(e.getKey())))
                .toList();
    }

    /**
     * Sums of several (e.g. the inspections of a round) summed again by kind: a kind is uncounted only when it is
     * uncounted in every sum that lists it.
     */
    public static List<AccountabilityCount> sum(Collection<AccountabilityCount> counts) {
        Map<AccountabilityKind, Integer> persons = new EnumMap<>(AccountabilityKind.class);
        Set<AccountabilityKind> counted = EnumSet.noneOf(AccountabilityKind.class);
        for (AccountabilityCount c : counts) {
            persons.merge(c.kind(), c.count(), Integer::sum);
            if (!c.uncounted()) {
                counted.add(c.kind());
            }
        }
        return persons.entrySet().stream()
                .map(e -> new AccountabilityCount(e.getKey(), e.getKey().label(), e.getValue(), !counted.contains(e.getKey())))
                .toList();
    }

    /** Persons over every kind (outcomes stated without a number add none). */
    public static int total(Collection<AccountabilityCount> counts) {
        return counts.stream().mapToInt(AccountabilityCount::count).sum();
    }
}
