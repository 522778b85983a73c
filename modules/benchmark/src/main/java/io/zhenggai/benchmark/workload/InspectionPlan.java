package io.zhenggai.benchmark.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The scripted life of one inspection (巡察): scheduled, fieldwork started, categories added, findings recorded
 * (some amended), fieldwork concluded, feedback delivered, a few findings corrected. One step is one command and
 * one event. The HTTP workload sends the steps as commands; the history generator turns the same steps into the
 * events the app would have stored, so preloaded history and live traffic have the same shape and sizes.
 */
public final class InspectionPlan {

    public enum Kind {
        SCHEDULE, START_FIELDWORK, ADD_CATEGORY, RECORD_FINDING, AMEND_FINDING, CONCLUDE_FIELDWORK, DELIVER_FEEDBACK,
        CORRECT_FINDING
    }

    /** One step; fields that do not apply to its kind are null. */
    public record Step(Kind kind, String categoryId, String categoryTitle, String findingId, String title,
                       String description, List<String> manifestations, String reason, LocalDate date) {
    }

    public final String inspectionId;
    public final String roundId;
    public final String inspectingBody;
    public final String inspectedUnit;
    public final String mandate;
    public final List<String> legalBasis;
    public final LocalDate fieldworkStart;
    public final LocalDate fieldworkEnd;
    public final LocalDate feedbackDate;
    public final List<Step> steps;
    public final int findingCount;

    private static final List<String> UNITS = List.of("区委统战部", "区委宣传部", "区教育局", "区卫生健康局", "区住房城乡建设水利局",
            "区市场监督管理局", "区农业农村局", "区交通运输局", "桂城街道", "九江镇", "西樵镇", "丹灶镇", "狮山镇", "大沥镇", "里水镇");
    private static final LocalDate EARLIEST = LocalDate.of(2023, 1, 1);

    private InspectionPlan(String inspectionId, String roundId, String inspectingBody, String inspectedUnit,
                           LocalDate fieldworkStart, LocalDate fieldworkEnd, LocalDate feedbackDate, List<Step> steps,
                           int findingCount) {
        this.inspectionId = inspectionId;
        this.roundId = roundId;
        this.inspectingBody = inspectingBody;
        this.inspectedUnit = inspectedUnit;
        this.mandate = "区委统一部署";
        this.legalBasis = List.of("《中国共产党巡视工作条例》", "《中国共产党党内监督条例》");
        this.fieldworkStart = fieldworkStart;
        this.fieldworkEnd = fieldworkEnd;
        this.feedbackDate = feedbackDate;
        this.steps = steps;
        this.findingCount = findingCount;
    }

    /**
     * A plan of 3-5 categories with 2-6 findings each (1-3 sentences of description, 1-3 manifestations), a
     * quarter of the findings amended once before feedback, and 0-3 corrections after it: ~30 steps.
     */
    public static InspectionPlan generate(String inspectionId, String roundId, RandomGenerator r) {
        LocalDate start = EARLIEST.plusDays(r.nextInt(540));
        LocalDate end = start.plusDays(20 + r.nextInt(40));
        LocalDate feedback = end.plusDays(10 + r.nextInt(50));
        String body = "区委第" + "一二三四五六七八".charAt(r.nextInt(8)) + "巡察组";
        String unit = UNITS.get(r.nextInt(UNITS.size()));

        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Kind.SCHEDULE, null, null, null, null, null, null, null, null));
        steps.add(new Step(Kind.START_FIELDWORK, null, null, null, null, null, null, null, start));

        List<Integer> categoryIndexes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            categoryIndexes.add(i);
        }
        Collections.shuffle(categoryIndexes, new java.util.Random(r.nextLong()));
        int categories = 3 + r.nextInt(3);
        List<String> findingIds = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int finding = 0;
        for (int c = 0; c < categories; c++) {
            String categoryId = "c" + (c + 1);
            String numbered = "（" + "一二三四五".charAt(c) + "）" + TextCorpus.category(categoryIndexes.get(c));
            steps.add(new Step(Kind.ADD_CATEGORY, categoryId, numbered, null, null, null, null, null, null));
            int findings = 2 + r.nextInt(5);
            for (int f = 0; f < findings; f++) {
                String findingId = "f" + (++finding);
                String title = TextCorpus.findingTitle(r);
                String description = TextCorpus.paragraph(r, 1, 3);
                steps.add(new Step(Kind.RECORD_FINDING, categoryId, null, findingId, title, description,
                        manifestations(r), null, null));
                findingIds.add(findingId);
                titles.add(title);
                descriptions.add(description);
            }
        }
        for (int i = 0; i < findingIds.size(); i++) {
            if (r.nextInt(4) == 0) {
                steps.add(new Step(Kind.AMEND_FINDING, null, null, findingIds.get(i), titles.get(i),
                        descriptions.get(i) + "经核实，" + TextCorpus.paragraph(r, 1, 1), manifestations(r), null, null));
            }
        }
        steps.add(new Step(Kind.CONCLUDE_FIELDWORK, null, null, null, null, null, null, null, end));
        steps.add(new Step(Kind.DELIVER_FEEDBACK, null, null, null, null, null, null, null, feedback));
        int corrections = r.nextInt(4);
        for (int i = 0; i < corrections; i++) {
            steps.add(correction(findingIds.get(r.nextInt(findingIds.size())), r));
        }
        return new InspectionPlan(inspectionId, roundId, body, unit, start, end, feedback, List.copyOf(steps), finding);
    }

    /** A correction after feedback of finding {@code findingId}, with its reason. */
    public static Step correction(String findingId, RandomGenerator r) {
        return new Step(Kind.CORRECT_FINDING, null, null, findingId, TextCorpus.findingTitle(r) + "（更正）",
                TextCorpus.paragraph(r, 1, 2), manifestations(r), "根据被巡察单位提供的材料核实，原表述不准确，予以更正", null);
    }

    private static List<String> manifestations(RandomGenerator r) {
        int n = 1 + r.nextInt(3);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(TextCorpus.paragraph(r, 1, 1));
        }
        return List.copyOf(list);
    }
}
