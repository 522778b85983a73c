package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationCommands.RecordSupplementaryFindingCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverFindingCorrectionCommand;
import io.zhenggai.api.rectification.RectificationEvents.FindingCorrectionTakenOverEvent;
import io.zhenggai.api.rectification.RectificationEvents.LedgerCategory;
import io.zhenggai.api.rectification.RectificationEvents.LedgerFinding;
import io.zhenggai.api.rectification.RectificationEvents.RectificationOpenedEvent;
import io.zhenggai.api.rectification.RectificationEvents.SupplementaryFindingRecordedEvent;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static io.zhenggai.platform.text.Blanks.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The findings of the ledger, an entity of {@link Rectification}: the inspection's findings by category as opened,
 * corrections the inspection made after feedback, and supplementary findings (补充问题) from other contexts, each
 * numbered after the last of its category. Corrections are idempotent by the inspection event's id, supplementary
 * findings by source and source id: a redelivered event changes nothing.
 */
class Findings {

    private final Rectification rectification;
    private final Map<String, String> titles = new LinkedHashMap<>(); // findingId -> title
    private final Set<String> takenOverCorrections = new HashSet<>();
    private final Map<String, Integer> categoryOrdinals = new HashMap<>(); // categoryId -> ordinal
    private final Map<String, Integer> findingsPerCategory = new HashMap<>(); // categoryId -> highest finding ordinal
    private final Set<String> supplementarySources = new HashSet<>(); // source + ':' + sourceId

    Findings(Rectification rectification) {
        this.rectification = rectification;
    }

    @CommandHandler
    Long handle(TakeOverFindingCorrectionCommand cmd) {
        if (cmd.sourceEventId() != null && takenOverCorrections.contains(cmd.sourceEventId())) {
            return getVersion();
        }
        if (!titles.containsKey(cmd.findingId())) {
            throw new NotFoundException("finding", cmd.findingId());
        }
        apply(new FindingCorrectionTakenOverEvent(rectification.id(), cmd.findingId(), cmd.categoryId(), cmd.title(),
                cmd.description(), List.copyOf(Rectification.nullSafe(cmd.manifestations())), cmd.reason(),
                cmd.sourceEventId()));
        return getVersion();
    }

    /**
     * A supplementary finding from another context (public feedback turned into a finding). Before adoption the
     * finding needs an item like any other (the plan cannot be adopted without one); after adoption it waits for an
     * item added with a reason.
     */
    @CommandHandler
    Long handle(RecordSupplementaryFindingCommand cmd, Clock clock) {
        require(cmd.source() != FindingSource.INSPECTION, "SOURCE_REQUIRED",
                "补充问题必须指明来源（群众反馈或财务违规移交）");
        if (supplementarySources.contains(sourceKey(cmd.source(), cmd.sourceId()))) {
            return getVersion();
        }
        requireState(!titles.containsKey(cmd.findingId()), "FINDING_EXISTS", "整改台账中已有该问题：" + cmd.findingId());
        recordSupplementary(cmd.findingId(), cmd.categoryId(), cmd.title().strip(), blankToNull(cmd.description()),
                cmd.source(), cmd.sourceId(), cmd.date() != null ? cmd.date() : LocalDate.now(clock));
        return getVersion();
    }

    /**
     * Records a supplementary finding in the category named (when the ledger knows it) or the source's own category,
     * which is added after the last category when it is new.
     */
    void recordSupplementary(String findingId, String categoryId, String title, String description,
                             FindingSource source, String sourceId, LocalDate date) {
        boolean known = categoryId != null && categoryOrdinals.containsKey(categoryId);
        String category = known ? categoryId : source.supplementaryCategoryId();
        boolean newCategory = !categoryOrdinals.containsKey(category);
        int categoryOrdinal = newCategory
                ? categoryOrdinals.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1
                : categoryOrdinals.get(category);
        apply(new SupplementaryFindingRecordedEvent(rectification.id(), findingId, category, categoryOrdinal,
                newCategory ? source.supplementaryCategoryTitle() : null, newCategory,
                findingsPerCategory.getOrDefault(category, 0) + 1, title, description, source, sourceId, date,
                rectification.planAdopted()));
    }

    boolean contains(String findingId) {
        return titles.containsKey(findingId);
    }

    /** The findings an item serves: at least one, none twice, each known. */
    List<String> requireServed(List<String> findingIds) {
        List<String> ids = Rectification.nullSafe(findingIds);
        require(!ids.isEmpty(), "FINDINGS_REQUIRED", "整改事项必须对应至少一个反馈问题");
        require(new HashSet<>(ids).size() == ids.size(), "FINDING_DUPLICATE", "反馈问题重复");
        requireKnown(ids);
        return List.copyOf(ids);
    }

    void requireKnown(Collection<String> ids) {
        for (String id : ids) {
            require(titles.containsKey(id), "FINDING_UNKNOWN",
                    "本次" + rectification.inspectionKind().word() + "没有反馈该问题：" + id);
        }
    }

    /** The titles of the findings no item serves, in ledger order. */
    List<String> notServedBy(Set<String> served) {
        return titles.entrySet().stream().filter(f -> !served.contains(f.getKey())).map(Map.Entry::getValue).toList();
    }

    @EventSourcingHandler
    void on(RectificationOpenedEvent e) {
        for (LedgerCategory c : e.categories()) {
            categoryOrdinals.put(c.categoryId(), c.ordinal());
            for (LedgerFinding f : c.findings()) {
                titles.put(f.findingId(), f.title());
                findingsPerCategory.merge(c.categoryId(), f.ordinal(), Math::max);
            }
        }
    }

    @EventSourcingHandler
    void on(SupplementaryFindingRecordedEvent e) {
        categoryOrdinals.putIfAbsent(e.categoryId(), e.categoryOrdinal());
        findingsPerCategory.merge(e.categoryId(), e.ordinal(), Math::max);
        titles.put(e.findingId(), e.title());
        supplementarySources.add(sourceKey(e.source(), e.sourceId()));
    }

    @EventSourcingHandler
    void on(FindingCorrectionTakenOverEvent e) {
        titles.put(e.findingId(), e.title());
        if (e.sourceEventId() != null) {
            takenOverCorrections.add(e.sourceEventId());
        }
    }

    private static String sourceKey(FindingSource source, String sourceId) {
        return source.name() + ":" + sourceId;
    }
}
