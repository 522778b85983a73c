package io.zhenggai.benchmark.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The inspection and the rectification workloads through one stream of commands: a command is a rectification one
 * with probability {@code rectificationShare} when a rectification is ready to be worked on, an inspection one
 * otherwise. Live inspections whose feedback is delivered feed the rectification workload. A share of 0 is the
 * inspection workload alone (the mix of the harness before the rectification workload existed).
 */
public final class MixedWorkload implements Workload {

    private final InspectionWorkload inspections;
    private final RectificationWorkload rectifications;
    private final double rectificationShare;

    public MixedWorkload(InspectionWorkload inspections, RectificationWorkload rectifications, double rectificationShare) {
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.rectificationShare = rectificationShare;
        if (rectificationShare > 0) {
            inspections.onFeedbackDelivered(rectifications::feedbackDelivered);
        }
    }

    public InspectionWorkload inspections() {
        return inspections;
    }

    public RectificationWorkload rectifications() {
        return rectifications;
    }

    @Override
    public String name() {
        return rectificationShare > 0 ? "inspection + rectification (" + rectificationShare + ")" : "inspection";
    }

    @Override
    public void prepare(HttpApi api) throws Exception {
        inspections.prepare(api);
        if (rectificationShare > 0) {
            rectifications.prepare(api);
        }
    }

    @Override
    public Command next(RandomGenerator random) {
        if (rectificationShare > 0 && random.nextDouble() < rectificationShare) {
            Command c = rectifications.next(random);
            if (c != null) {
                return c;
            }
        }
        return inspections.next(random);
    }

    /** Commands handed out so far, by name (rectification commands prefixed). */
    public Map<String, Long> sentByCommand() {
        Map<String, Long> m = new LinkedHashMap<>(inspections.sentByCommand());
        rectifications.sentByCommand().forEach((k, v) -> m.put("Rectification." + k, v));
        return m;
    }
}
