package io.zhenggai.finance.command;

import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.RegulationArea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One regulation as its rule book knows it: its versions in the order of their effective dates (each in force
 * from its start until the day before the next one starts, or until the repeal), never overlapping.
 */
final class RegulationRecord {

    record VersionRecord(String versionId, int number, LocalDate effectiveFrom, List<ExpenseRule> rules) {
    }

    final String regulationId;
    final String title;
    final RegulationArea area;
    private final List<VersionRecord> versions = new ArrayList<>();
    private LocalDate repealedFrom;

    RegulationRecord(String regulationId, String title, RegulationArea area) {
        this.regulationId = regulationId;
        this.title = title;
        this.area = area;
    }

    void addVersion(VersionRecord version) {
        versions.add(version);
    }

    void repeal(LocalDate from) {
        repealedFrom = from;
    }

    boolean repealed() {
        return repealedFrom != null;
    }

    LocalDate repealedFrom() {
        return repealedFrom;
    }

    VersionRecord latest() {
        return versions.get(versions.size() - 1);
    }

    Optional<VersionRecord> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** The version in force on {@code date}: the last one started by then, unless the regulation was repealed by then. */
    Optional<VersionRecord> inForceOn(LocalDate date) {
        if (repealedFrom != null && !date.isBefore(repealedFrom)) {
            return Optional.empty();
        }
        VersionRecord found = null;
        for (VersionRecord v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Value equality (the state sourced from the same events is equal). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RegulationRecord r && regulationId.equals(r.regulationId) && title.equals(r.title)
                && area == r.area && versions.equals(r.versions) && java.util.Objects.equals(repealedFrom, r.repealedFrom);
    }

    @Override
    public int hashCode() {
        return regulationId.hashCode();
    }

    static String versionId(String regulationId, int number) {
        return regulationId + "-v" + number;
    }
}
