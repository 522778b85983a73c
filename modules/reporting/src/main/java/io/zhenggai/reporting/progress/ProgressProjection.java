package io.zhenggai.reporting.progress;

import java.util.List;
import java.util.stream.Stream;

/**
 * The progress read model (tables {@code progress_*}), built from the events of the inspection, rectification and
 * finance contexts — nothing else — by one processing group of several classes, one per view:
 * {@link InspectionProgressProjection}, {@link ItemProgressProjection}, {@link RectificationRecordsProjection} and
 * {@link FinanceProgressProjection} (ADR 0048). They share one tracking token, so a replay rebuilds them together,
 * and one idempotence record ({@link ProgressRows}). Warning levels and totals are not stored: they are computed
 * when asked, for the day asked ({@link ProgressCalculator}).
 */
final class ProgressProjection {

    static final String GROUP = "progress-projection";

    /** Every table of the read model. */
    static final List<String> TABLES = Stream.of(InspectionProgressProjection.TABLES, ItemProgressProjection.TABLES,
            RectificationRecordsProjection.TABLES, FinanceProgressProjection.TABLES).flatMap(List::stream).toList();

    private ProgressProjection() {
    }
}
