package io.zhenggai.app.faults;

import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.AppProcess;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The write load of the crash tests: new inspections and progress on one item of {@code inspection}, alternately, sent
 * to one app process until told to stop or the process is gone. Remembers the commands answered 2xx (key → kind), so
 * that the test can check that every acknowledged command's event was stored exactly once.
 */
final class AcknowledgedLoad {

    private AcknowledgedLoad() {
    }

    static Void run(AppProcess node, ApiClient api, LocalDate today, String inspection, String prefix,
                    Map<String, String> acknowledged, AtomicBoolean stop) {
        ApiClient inspector = api.as("inspector");
        ApiClient rectifier = api.as("rectifier");
        for (int n = 0; !stop.get(); n++) {
            String key = prefix + "-" + n;
            try {
                if (n % 2 == 0) {
                    ApiClient.Response r = inspector.post("/api/inspections", Map.of("inspectionId", key, "inspectingBody", "区委第四巡察组",
                            "inspectedUnit", "区委统战部", "plannedFieldworkStart", today.minusDays(10).toString(),
                            "plannedFieldworkEnd", today.plusDays(20).toString()));
                    if (r.status() == 201) {
                        acknowledged.put(key, "inspection");
                    }
                } else {
                    ApiClient.Response r = rectifier.post("/api/rectifications/" + inspection + "/items/i1/progress",
                            Map.of("progressId", key, "date", today.toString(), "status", "IN_PROGRESS", "text", "进展 " + key));
                    if (r.status() == 201) {
                        acknowledged.put(key, "progress");
                    }
                }
            } catch (UncheckedIOException gone) {
                // the process was killed: what it did not answer was not acknowledged
                if (!node.isAlive()) {
                    return null;
                }
            }
        }
        return null;
    }
}
