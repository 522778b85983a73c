package io.zhenggai.rectification.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.api.rectification.RectificationQueries.ChangeView;
import io.zhenggai.api.rectification.RectificationQueries.ExtensionView;
import io.zhenggai.api.rectification.RectificationQueries.ProgressView;
import io.zhenggai.api.rectification.RectificationQueries.ResponsibilityView;
import io.zhenggai.api.rectification.RectificationQueries.ReviewView;
import io.zhenggai.rectification.query.LedgerDocument.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the rectification ledger (table {@code rectification_ledger}): one JSON document per rectification,
 * folded from its events, in memory per batch of events and written once per batch ({@link LedgerBatch}). Every write is idempotent: the row remembers the sequence number of the last event
 * applied and an event at or below it is skipped, so a redelivered event or a replay never applies twice.
 */
@Component
@ProcessingGroup(RectificationLedgerProjection.GROUP)
public class RectificationLedgerProjection {

    /** The processing group of the ledger read model (what commands wait for, see ReadYourWrites). */
    public static final String GROUP = "rectification-projection";

    private final JdbcTemplate jdbc;
    private final LedgerWrites batch;

    @org.springframework.beans.factory.annotation.Autowired
    RectificationLedgerProjection(JdbcTemplate jdbc, ObjectMapper json,
                                  @Value("${zhenggai.perf.batched-writes:true}") boolean batchedWrites) {
        this.jdbc = jdbc;
        this.batch = new LedgerBatch(jdbc, json, batchedWrites);
    }

    /** The same handlers folding into {@code writes} only (the ledger as of a past instant, {@link LedgerAsOf}). */
    RectificationLedgerProjection(LedgerWrites writes) {
        this.jdbc = null;
        this.batch = writes;
    }

    @EventHandler
    void on(RectificationOpenedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        LedgerDocument doc = new LedgerDocument();
        doc.rectificationId = e.rectificationId();
        doc.inspectionId = e.inspectionId();
        doc.roundId = e.roundId();
        doc.kind = e.kind();
        doc.inspectingBody = e.inspectingBody();
        doc.inspectedUnit = e.inspectedUnit();
        doc.mandate = e.mandate();
        doc.legalBasis = new ArrayList<>(e.legalBasis());
        doc.fieldworkStart = e.fieldworkStart();
        doc.fieldworkEnd = e.fieldworkEnd();
        doc.feedbackDate = e.feedbackDate();
        for (LedgerCategory c : e.categories()) {
            CategoryDoc category = new CategoryDoc();
            category.categoryId = c.categoryId();
            category.ordinal = c.ordinal();
            category.title = c.title();
            for (LedgerFinding f : c.findings()) {
                FindingDoc finding = new FindingDoc();
                finding.findingId = f.findingId();
                finding.categoryId = c.categoryId();
                finding.ordinal = f.ordinal();
                finding.title = f.title();
                finding.description = f.description();
                finding.manifestations = new ArrayList<>(f.manifestations());
                category.findings.add(finding);
            }
            doc.categories.add(category);
        }
        batch.open(e.rectificationId(), e.inspectionId(), e.inspectedUnit(), e.feedbackDate(), seq, at, doc);
    }

    @EventHandler
    void on(FindingCorrectionTakenOverEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> doc.finding(e.findingId()).ifPresent(f -> {
            f.title = e.title();
            f.description = e.description();
            f.manifestations = new ArrayList<>(e.manifestations());
            f.corrections++;
            f.lastCorrectionReason = e.reason();
        }));
    }

    @EventHandler
    void on(SupplementaryFindingRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> {
            if (doc.finding(e.findingId()).isPresent()) {
                return;
            }
            CategoryDoc category = doc.category(e.categoryId()).orElseGet(() -> {
                CategoryDoc created = new CategoryDoc();
                created.categoryId = e.categoryId();
                created.ordinal = e.categoryOrdinal();
                created.title = e.categoryTitle();
                doc.categories.add(created);
                return created;
            });
            FindingDoc finding = new FindingDoc();
            finding.findingId = e.findingId();
            finding.categoryId = e.categoryId();
            finding.ordinal = e.ordinal();
            finding.title = e.title();
            finding.description = e.description();
            finding.source = e.source();
            finding.sourceId = e.sourceId();
            finding.raisedDate = e.date();
            category.findings.add(finding);
        });
    }

    @EventHandler
    void on(OfficeNamedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> {
            doc.officeName = e.name();
            doc.officeHost = e.hostDepartment();
        });
    }

    @EventHandler
    void on(GroupMemberAppointedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> {
            MemberDoc m = doc.member(e.memberId()).orElseGet(() -> {
                MemberDoc created = new MemberDoc();
                created.memberId = e.memberId();
                doc.members.add(created);
                return created;
            });
            m.name = e.name();
            m.position = e.position();
            m.role = e.role();
            m.appointedDate = e.date();
            m.relievedDate = null;
            m.reliefReason = null;
            m.active = true;
        });
    }

    @EventHandler
    void on(GroupMemberRelievedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> doc.member(e.memberId()).ifPresent(m -> {
            m.active = false;
            m.relievedDate = e.date();
            m.reliefReason = e.reason();
        }));
    }

    @EventHandler
    void on(ItemAddedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> {
            ItemDoc item = new ItemDoc();
            item.itemId = e.itemId();
            item.ordinal = e.ordinal();
            item.title = e.title();
            item.kind = e.kind();
            item.findingIds = new ArrayList<>(e.findingIds());
            item.originalDueDate = e.dueDate();
            item.currentDueDate = e.dueDate();
            item.leaderId = e.responsibleLeaderId();
            item.leaderName = e.responsibleLeaderName();
            item.department = e.responsibleDepartment();
            item.handler = e.handler();
            if (e.responsibleLeaderId() != null || e.responsibleDepartment() != null) {
                item.responsibility.add(new ResponsibilityView(e.responsibleLeaderId(), e.responsibleLeaderName(),
                        e.responsibleDepartment(), e.handler(), e.reason(), at, user));
            }
            if (e.afterAdoption()) {
                item.changes.add(new ChangeView("ITEM_ADDED", null, e.reason(), at, user));
            }
            doc.items.add(item);
        });
    }

    @EventHandler
    void on(ItemRevisedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.title = e.title();
            item.kind = e.kind();
            item.findingIds = new ArrayList<>(e.findingIds());
            if (!java.util.Objects.equals(item.currentDueDate, e.dueDate())) {
                item.overdueSince = null;
            }
            if (!e.afterAdoption() || item.originalDueDate == null) {
                item.originalDueDate = e.dueDate();
            }
            item.currentDueDate = e.dueDate();
            if (e.afterAdoption()) {
                item.changes.add(new ChangeView("ITEM_REVISED", null, e.reason(), at, user));
            }
        }));
    }

    @EventHandler
    void on(ItemRemovedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> item.removed = true));
    }

    @EventHandler
    void on(MeasureAddedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            MeasureDoc m = new MeasureDoc();
            m.measureId = e.measureId();
            m.ordinal = e.ordinal();
            m.text = e.text();
            item.measures.add(m);
            if (e.afterAdoption()) {
                item.changes.add(new ChangeView("MEASURE_ADDED", e.measureId(), e.reason(), at, user));
            }
        }));
    }

    @EventHandler
    void on(MeasureRevisedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.measure(e.measureId()).ifPresent(m -> m.text = e.text());
            if (e.afterAdoption()) {
                item.changes.add(new ChangeView("MEASURE_REVISED", e.measureId(), e.reason(), at, user));
            }
        }));
    }

    @EventHandler
    void on(MeasureRemovedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.measures.removeIf(m -> m.measureId.equals(e.measureId()));
            if (e.afterAdoption()) {
                item.changes.add(new ChangeView("MEASURE_REMOVED", e.measureId(), e.reason(), at, user));
            }
        }));
    }

    @EventHandler
    void on(ResponsibilityAssignedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.leaderId = e.responsibleLeaderId();
            item.leaderName = e.responsibleLeaderName();
            item.department = e.responsibleDepartment();
            item.handler = e.handler();
            item.responsibility.add(new ResponsibilityView(e.responsibleLeaderId(), e.responsibleLeaderName(),
                    e.responsibleDepartment(), e.handler(), e.reason(), at, user));
        }));
    }

    @EventHandler
    void on(CarriedAsHistoryEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> {
            doc.asOfDate = e.asOfDate();
            doc.asOfReason = e.reason();
            doc.asOfNoticeId = e.noticeId();
        });
    }

    @EventHandler
    void on(PlanAdoptedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> {
            doc.planAdopted = true;
            doc.planTitle = e.title();
            doc.planDocumentNumber = e.documentNumber();
            doc.planAdoptedDate = e.adoptedDate();
        });
    }

    @EventHandler
    void on(ProgressRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.status = e.itemStatus();
            if (e.measureId() != null) {
                item.measure(e.measureId()).ifPresent(m -> m.status = e.measureStatus());
            }
            List<String> evidenceIds = new ArrayList<>();
            for (Evidence ev : e.evidence()) {
                EvidenceDoc d = new EvidenceDoc();
                d.evidence = ev;
                d.progressId = e.progressId();
                d.measureId = e.measureId();
                d.businessDate = e.businessDate();
                item.evidence.add(d);
                evidenceIds.add(ev.evidenceId());
            }
            item.progress.add(new ProgressView(e.progressId(), e.measureId(), e.businessDate(), at, user,
                    e.measureStatus(), e.itemStatus(), e.text(), evidenceIds));
        }));
    }

    @EventHandler
    void on(CloseOffRequestedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.closeOff = CloseOffState.REQUESTED;
            item.reviews.add(new ReviewView("REQUESTED", "申请销号", e.businessDate(), at, user, e.summary(), e.evidence()));
        }));
    }

    @EventHandler
    void on(CloseOffApprovedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.closeOff = CloseOffState.CLOSED_OFF;
            item.closedOffDate = e.businessDate();
            item.reviews.add(new ReviewView("APPROVED", "同意销号", e.businessDate(), at, user, e.comment(),
                    e.approvedEvidence()));
        }));
    }

    @EventHandler
    void on(CloseOffReturnedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.closeOff = CloseOffState.NONE;
            item.reviews.add(new ReviewView("RETURNED", "退回销号申请", e.businessDate(), at, user, e.reason(), List.of()));
        }));
    }

    @EventHandler
    void on(ItemReopenedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.closeOff = CloseOffState.NONE;
            item.closedOffDate = null;
            item.status = e.status();
            item.reviews.add(new ReviewView("REOPENED", "回头看重新打开", e.businessDate(), at, user, e.reason(), List.of()));
        }));
    }

    @EventHandler
    void on(DeadlineExtendedEvent e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USER) String user) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> {
            item.currentDueDate = e.newDueDate();
            item.overdueSince = null;
            item.extensions.add(new ExtensionView(e.extension(), e.previousDueDate(), e.newDueDate(), e.businessDate(),
                    e.reason(), e.approver(), at, user));
        }));
    }

    @EventHandler
    void on(ItemBecameOverdueEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> doc.item(e.itemId()).ifPresent(item -> item.overdueSince = e.overdueSince()));
    }

    @EventHandler
    void on(MeetingRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> doc.meetings.add(e));
    }

    @EventHandler
    void on(AccountabilityRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> doc.outcomes.add(e));
    }

    @EventHandler
    void on(ProcessMetricRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.rectificationId(), seq, at, doc -> doc.processMetrics.add(e));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from rectification_ledger");
    }

    /** Applies {@code change} to the ledger unless the event at {@code seq} was applied already (see {@link LedgerBatch}). */
    private void update(String rectificationId, long seq, Instant at, Consumer<LedgerDocument> change) {
        batch.update(rectificationId, seq, at, change);
    }
}
