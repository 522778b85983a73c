package io.zhenggai.finance.command;

import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.FinanceCommands.LinkRegulationCommand;
import io.zhenggai.api.finance.FinanceCommands.RepealRegulationCommand;
import io.zhenggai.api.finance.FinanceCommands.ReviseRegulationCommand;
import io.zhenggai.api.finance.FinanceEvents.RegulationLinkedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRepealedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRevisedEvent;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One regulation of a rule book (an {@code @AggregateMember} of {@link RuleBook}): its versions in the order of
 * their effective dates (each in force from its start until the day before the next one starts, or until the
 * repeal), never overlapping, and the findings and items it answers. It decides its own revision, repeal and
 * links; the rule book decides what concerns all regulations (a title used once, the versions in force).
 */
final class Regulation {

    record VersionRecord(String versionId, int number, LocalDate effectiveFrom, List<ExpenseRule> rules) {
    }

    @EntityId
    final String regulationId;
    final String title;
    final RegulationArea area;
    private final List<VersionRecord> versions = new ArrayList<>();
    private final Set<String> links = new HashSet<>();
    private LocalDate repealedFrom;

    Regulation(String regulationId, String title, RegulationArea area, VersionRecord first, List<AnswerLink> answers) {
        this.regulationId = regulationId;
        this.title = title;
        this.area = area;
        versions.add(first);
        answers.forEach(a -> links.add(linkKey(first.versionId(), a)));
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    void revise(String ruleBookId, String unit, ReviseRegulationCommand cmd, Clock clock) {
        requireState(!repealed(), "REGULATION_REPEALED", "制度" + title + "已于" + repealedFrom + "废止，不能修订");
        VersionRecord current = latest();
        requireState(cmd.effectiveFrom().isAfter(current.effectiveFrom()), "VERSION_OVERLAP",
                "新版本的生效日期（" + cmd.effectiveFrom() + "）必须晚于现行第" + current.number() + "版的生效日期（"
                        + current.effectiveFrom() + "）：同一制度的各版本不能重叠");
        String reason = Backdating.reason(cmd.effectiveFrom(), cmd.backdatingReason(), clock);
        List<ExpenseRule> rules = RuleDefinitions.requireValid(cmd.rules());
        List<AnswerLink> answers = AnswerLinks.valid(cmd.answers());
        int number = current.number() + 1;
        apply(new RegulationRevisedEvent(ruleBookId, unit, regulationId, title, area, versionId(regulationId, number), number,
                current.versionId(), RuleText.trimOrNull(cmd.documentNumber()), cmd.effectiveFrom(),
                cmd.changeSummary().strip(), reason, rules, answers));
    }

    void repeal(String ruleBookId, String unit, RepealRegulationCommand cmd) {
        requireState(!repealed(), "REGULATION_REPEALED", "制度" + title + "已于" + repealedFrom + "废止");
        VersionRecord current = latest();
        requireState(cmd.effectiveFrom().isAfter(current.effectiveFrom()), "REPEAL_BEFORE_VERSION",
                "废止日期（" + cmd.effectiveFrom() + "）必须晚于现行第" + current.number() + "版的生效日期（"
                        + current.effectiveFrom() + "）");
        apply(new RegulationRepealedEvent(ruleBookId, unit, regulationId, title, current.versionId(), cmd.effectiveFrom(),
                cmd.reason().strip()));
    }

    void link(String ruleBookId, String unit, LinkRegulationCommand cmd) {
        String versionId = null;
        if (cmd.versionNumber() != null) {
            versionId = version(cmd.versionNumber())
                    .orElseThrow(() -> new NotFoundException("regulation version", versionId(regulationId, cmd.versionNumber())))
                    .versionId();
        }
        AnswerLink link = AnswerLinks.valid(cmd.link() == null ? null : List.of(cmd.link())).get(0);
        requireState(!links.contains(linkKey(versionId, link)), "LINK_EXISTS", "该关联已存在");
        apply(new RegulationLinkedEvent(ruleBookId, unit, regulationId, versionId, latest().number(), link));
    }

    // ---- state ----------------------------------------------------------------------------------------------

    boolean repealed() {
        return repealedFrom != null;
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

    /** Value equality: the state sourced from the same events is equal (the fixture compares them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Regulation r && regulationId.equals(r.regulationId) && title.equals(r.title) && area == r.area
                && versions.equals(r.versions) && links.equals(r.links) && Objects.equals(repealedFrom, r.repealedFrom);
    }

    @Override
    public int hashCode() {
        return regulationId.hashCode();
    }

    static String versionId(String regulationId, int number) {
        return regulationId + "-v" + number;
    }

    private static String linkKey(String versionId, AnswerLink link) {
        return versionId + "|" + link.inspectionId() + "|" + link.findingId() + "|" + link.rectificationItemId();
    }

    // ---- event sourcing (events of this regulation only: the rule book forwards matching instances) -----------

    @EventSourcingHandler
    void on(RegulationRevisedEvent e) {
        versions.add(new VersionRecord(e.versionId(), e.versionNumber(), e.effectiveFrom(), e.rules()));
        e.answers().forEach(a -> links.add(linkKey(e.versionId(), a)));
    }

    @EventSourcingHandler
    void on(RegulationRepealedEvent e) {
        repealedFrom = e.effectiveFrom();
    }

    @EventSourcingHandler
    void on(RegulationLinkedEvent e) {
        links.add(linkKey(e.versionId(), e.link()));
    }
}
