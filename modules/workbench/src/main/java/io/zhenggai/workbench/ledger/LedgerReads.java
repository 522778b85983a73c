package io.zhenggai.workbench.ledger;

import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.readside.ReadYourWrites;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The reads of the ledger pages, all through the rectification context's queries (scope-checked at the query
 * gateway like the API's reads), and the wait after a command until the ledger's read model shows it.
 */
@Component
public class LedgerReads {

    /** The processing group of the rectification ledger's read model (rectification's RectificationLedgerProjection). */
    static final String LEDGER_GROUP = "rectification-projection";

    private final QueryGateway queries;
    private final ReadYourWrites reads;
    private final int warningDays;

    LedgerReads(QueryGateway queries, ReadYourWrites reads,
                @Value("${zhenggai.rectification.warning-days:10}") int warningDays) {
        this.queries = queries;
        this.reads = reads;
        this.warningDays = warningDays;
    }

    public static String rectificationId(String inspectionId) {
        return RectificationIds.forInspection(inspectionId);
    }

    public List<RectificationSummary> rectifications() {
        List<RectificationSummary> all = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            RectificationPage p = queries.query(new ListRectificationsQuery(page, 200, null, warningDays), RectificationPage.class).join();
            all.addAll(p.items());
            if (all.size() >= p.total() || p.items().isEmpty()) {
                break;
            }
        }
        return all;
    }

    public LedgerView ledger(String inspectionId, LedgerFilter filter) {
        return Found.orNotFound(queries.query(new FindLedgerQuery(rectificationId(inspectionId), filter, null, warningDays),
                LedgerView.class).join(), "rectification", inspectionId);
    }

    public ItemView item(String inspectionId, String itemId) {
        return Found.orNotFound(queries.query(new FindItemQuery(rectificationId(inspectionId), itemId, null, warningDays),
                ItemView.class).join(), "rectification item", itemId);
    }

    /** Waits until the ledger's read model shows the rectification's last event (after a command). */
    public void awaitLedger(String inspectionId) {
        reads.await(rectificationId(inspectionId), LEDGER_GROUP);
    }

    /** The ledger's items in the order of the table, each with its category and finding. */
    public static List<Row> rows(LedgerView ledger) {
        List<Row> rows = new ArrayList<>();
        for (CategoryView category : ledger.categories()) {
            for (FindingView finding : category.findings()) {
                for (ItemView item : finding.items()) {
                    rows.add(new Row(category, finding, item));
                }
            }
        }
        return rows;
    }

    public record Row(CategoryView category, FindingView finding, ItemView item) {
    }
}
