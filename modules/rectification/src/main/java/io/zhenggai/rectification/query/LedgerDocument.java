package io.zhenggai.rectification.query;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.RectificationEvents.AccountabilityRecordedEvent;
import io.zhenggai.api.rectification.RectificationEvents.MeetingRecordedEvent;
import io.zhenggai.api.rectification.RectificationEvents.ProcessMetricRecordedEvent;
import io.zhenggai.api.rectification.RectificationQueries.ChangeView;
import io.zhenggai.api.rectification.RectificationQueries.ExtensionView;
import io.zhenggai.api.rectification.RectificationQueries.ProgressView;
import io.zhenggai.api.rectification.RectificationQueries.ResponsibilityView;
import io.zhenggai.api.rectification.RectificationQueries.ReviewView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of one rectification as the projection keeps it (JSON in {@code rectification_ledger.document}):
 * the facts folded from the events, nothing computed. Warning levels, labels and totals are derived from it at
 * query time ({@link LedgerViews}).
 */
public class LedgerDocument {

    public String rectificationId;
    public String inspectionId;
    public String roundId;
    /** 巡视 or 巡察; null in documents written before the kind existed (read as {@link InspectionKind#DEFAULT}). */
    public InspectionKind kind;
    public String inspectingBody;
    public String inspectedUnit;
    public String mandate;
    public List<String> legalBasis = new ArrayList<>();
    public LocalDate fieldworkStart;
    public LocalDate fieldworkEnd;
    public LocalDate feedbackDate;
    /** Carried as history: judged as of this date (null: today); why, and the historical notice it comes from. */
    public LocalDate asOfDate;
    public String asOfReason;
    public String asOfNoticeId;
    public String officeName;
    public String officeHost;
    public boolean planAdopted;
    public String planTitle;
    public String planDocumentNumber;
    public LocalDate planAdoptedDate;
    public List<CategoryDoc> categories = new ArrayList<>();
    public List<MemberDoc> members = new ArrayList<>();
    public List<ItemDoc> items = new ArrayList<>();
    public List<MeetingRecordedEvent> meetings = new ArrayList<>();
    public List<AccountabilityRecordedEvent> outcomes = new ArrayList<>();
    public List<ProcessMetricRecordedEvent> processMetrics = new ArrayList<>();

    public static class CategoryDoc {
        public String categoryId;
        public int ordinal;
        public String title;
        public List<FindingDoc> findings = new ArrayList<>();
    }

    public static class FindingDoc {
        public String findingId;
        public String categoryId;
        public int ordinal;
        public String title;
        public String description;
        public List<String> manifestations = new ArrayList<>();
        public int corrections;
        public String lastCorrectionReason;
        /** null for findings delivered with the feedback (read as INSPECTION). */
        public FindingSource source;
        public String sourceId;
        public LocalDate raisedDate;
    }

    public static class MemberDoc {
        public String memberId;
        public String name;
        public String position;
        public LeadershipRole role;
        public LocalDate appointedDate;
        public LocalDate relievedDate;
        public String reliefReason;
        public boolean active;
    }

    public static class ItemDoc {
        public String itemId;
        public int ordinal;
        public String title;
        public ItemKind kind;
        public List<String> findingIds = new ArrayList<>();
        public ItemStatus status = ItemStatus.NOT_STARTED;
        public CloseOffState closeOff = CloseOffState.NONE;
        public LocalDate closedOffDate;
        public String leaderId;
        public String leaderName;
        public String department;
        public String handler;
        public LocalDate originalDueDate;
        public LocalDate currentDueDate;
        public LocalDate overdueSince;
        public boolean removed;
        public List<MeasureDoc> measures = new ArrayList<>();
        public List<EvidenceDoc> evidence = new ArrayList<>();
        public List<ProgressView> progress = new ArrayList<>();
        public List<ExtensionView> extensions = new ArrayList<>();
        public List<ReviewView> reviews = new ArrayList<>();
        public List<ResponsibilityView> responsibility = new ArrayList<>();
        public List<ChangeView> changes = new ArrayList<>();

        Optional<MeasureDoc> measure(String measureId) {
            return measures.stream().filter(m -> m.measureId.equals(measureId)).findFirst();
        }
    }

    public static class MeasureDoc {
        public String measureId;
        public int ordinal;
        public String text;
        public ItemStatus status = ItemStatus.NOT_STARTED;
    }

    public static class EvidenceDoc {
        public Evidence evidence;
        public String progressId;
        public String measureId;
        public LocalDate businessDate;
    }

    Optional<ItemDoc> item(String itemId) {
        return items.stream().filter(i -> i.itemId.equals(itemId)).findFirst();
    }

    Optional<MemberDoc> member(String memberId) {
        return members.stream().filter(m -> m.memberId.equals(memberId)).findFirst();
    }

    Optional<CategoryDoc> category(String categoryId) {
        return categories.stream().filter(c -> c.categoryId.equals(categoryId)).findFirst();
    }

    Optional<FindingDoc> finding(String findingId) {
        return categories.stream().flatMap(c -> c.findings.stream()).filter(f -> f.findingId.equals(findingId)).findFirst();
    }
}
