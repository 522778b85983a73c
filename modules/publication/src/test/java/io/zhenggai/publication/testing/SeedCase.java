package io.zhenggai.publication.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.finance.FinanceEvents.RegulationEnactedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationRevisedEvent;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.api.rectification.RectificationIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The real case of the seeds folder ({@code seeds/nanhai-2023-tzb.json} and the source notice text), read for
 * tests: as the events the other contexts would have stored for it, and as the narrative and settings a
 * publisher would type from it. Item titles that the source does not show (the single item of category 四) are
 * given a title here, as the rectification context requires one, and listed as untitled in the settings.
 */
public final class SeedCase {

    public static final String JSON = "seeds/nanhai-2023-tzb.json";
    public static final String SOURCE = "seeds/source/nanhai-2023-tzb-notice.txt";

    private final JsonNode root;

    private SeedCase(JsonNode root) {
        this.root = root;
    }

    public static SeedCase load() {
        try {
            return new SeedCase(new ObjectMapper().readTree(Files.readString(file(JSON), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sourceText() {
        try {
            return Files.readString(file(SOURCE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the repository, found from the working directory of the build (a module or the root). */
    public static Path file(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not found from " + Path.of("").toAbsolutePath() + ": " + relative);
    }

    public JsonNode json() {
        return root;
    }

    public String inspectionId() {
        return root.path("inspection").path("inspectionId").asText();
    }

    /** The title given to items that the source shows without one. */
    public static String titleFor(JsonNode item) {
        if (!item.path("title").isNull() && !item.path("title").asText().isBlank()) {
            return item.path("title").asText();
        }
        return item.path("measures").get(0).path("text").asText().split("[，。]")[0];
    }

    public List<String> untitledItemIds() {
        List<String> ids = new ArrayList<>();
        root.path("categories").forEach(c -> c.path("items").forEach(i -> {
            if (i.path("title").isNull() || i.path("title").asText().isBlank() || !i.path("numberedInNotice").asBoolean(true)) {
                ids.add(i.path("itemId").asText());
            }
        }));
        return ids;
    }

    public static MeetingKind meetingKind(String kind) {
        return switch (kind) {
            case "部务会" -> MeetingKind.DEPARTMENT_MEETING;
            case "专题民主生活会" -> MeetingKind.DEMOCRATIC_LIFE_MEETING;
            case "专题研究会" -> MeetingKind.SPECIAL_STUDY_MEETING;
            default -> MeetingKind.OTHER;
        };
    }

    /** The events the inspection, rectification and finance contexts would hold for the case, in order. */
    public List<Object> events() {
        JsonNode insp = root.path("inspection");
        String id = inspectionId();
        String rect = RectificationIds.forInspection(id);
        List<String> basis = strings(insp.path("legalBasis"));
        InspectionKind kind = insp.hasNonNull("kind") ? InspectionKind.valueOf(insp.get("kind").asText()) : null;
        List<Object> events = new ArrayList<>();
        events.add(new InspectionScheduledEvent(id, null, text(insp, "inspectingBody"), text(insp, "inspectedUnit"),
                text(insp, "mandate"), basis, date(insp, "plannedFieldworkStart"), date(insp, "plannedFieldworkEnd"),
                kind, null, null));
        events.add(new FieldworkStartedEvent(id, date(insp, "fieldworkStart")));
        List<DeliveredCategory> delivered = new ArrayList<>();
        List<LedgerCategory> ledger = new ArrayList<>();
        for (JsonNode c : root.path("categories")) {
            events.add(new FindingCategoryAddedEvent(id, text(c, "categoryId"), c.path("ordinal").asInt(), text(c, "title")));
            List<DeliveredFinding> fs = new ArrayList<>();
            List<LedgerFinding> ls = new ArrayList<>();
            int n = 0;
            for (JsonNode f : c.path("findings")) {
                n++;
                events.add(new FindingRecordedEvent(id, text(f, "findingId"), text(c, "categoryId"), n, text(f, "title"), null, List.of()));
                fs.add(new DeliveredFinding(text(f, "findingId"), n, text(f, "title"), null, List.of()));
                ls.add(new LedgerFinding(text(f, "findingId"), n, text(f, "title"), null, List.of()));
            }
            delivered.add(new DeliveredCategory(text(c, "categoryId"), c.path("ordinal").asInt(), text(c, "title"), fs));
            ledger.add(new LedgerCategory(text(c, "categoryId"), c.path("ordinal").asInt(), text(c, "title"), ls));
        }
        events.add(new FieldworkConcludedEvent(id, date(insp, "fieldworkEnd")));
        events.add(new FeedbackDeliveredEvent(id, null, text(insp, "inspectingBody"), text(insp, "inspectedUnit"),
                text(insp, "mandate"), basis, date(insp, "fieldworkStart"), date(insp, "fieldworkEnd"), date(insp, "feedbackDate"), delivered,
                kind, null, null));
        events.add(new RectificationOpenedEvent(rect, id, null, text(insp, "inspectingBody"), text(insp, "inspectedUnit"),
                text(insp, "mandate"), basis, date(insp, "fieldworkStart"), date(insp, "fieldworkEnd"), date(insp, "feedbackDate"), ledger,
                kind, null, null));
        JsonNode group = root.path("leadershipGroup");
        events.add(new OfficeNamedEvent(rect, text(group, "office"), null));
        for (JsonNode m : group.path("members")) {
            events.add(new GroupMemberAppointedEvent(rect, text(m, "memberId"), text(m, "name"), text(m, "position"),
                    LeadershipRole.valueOf(text(m, "role")), date(group, "appointedOn")));
        }
        int ordinal = 0;
        for (JsonNode c : root.path("categories")) {
            for (JsonNode i : c.path("items")) {
                ordinal++;
                String itemId = text(i, "itemId");
                events.add(new ItemAddedEvent(rect, itemId, ordinal, strings(i.path("findingIds")), titleFor(i),
                        ItemKind.valueOf(text(i, "kind")), date(i, "dueDate"), null, null, text(i, "responsibleDepartment"),
                        null, false, null));
                int m = 0;
                for (JsonNode measure : i.path("measures")) {
                    m++;
                    events.add(new MeasureAddedEvent(rect, itemId, itemId + "-m" + m, m, text(measure, "text"), false, null));
                }
            }
        }
        JsonNode plan = root.path("plan");
        events.add(new PlanAdoptedEvent(rect, text(plan, "title"), null, date(plan, "adoptedOn"), ordinal, 0));
        ItemStatus previous = ItemStatus.NOT_STARTED;
        for (JsonNode c : root.path("categories")) {
            for (JsonNode i : c.path("items")) {
                ItemStatus status = ItemStatus.valueOf(text(i, "status"));
                events.add(new ProgressRecordedEvent(rect, "p-" + text(i, "itemId"), text(i, "itemId"), null,
                        date(i, "completedOn"), null, status, previous, null, List.of()));
            }
        }
        for (JsonNode m : root.path("meetings")) {
            events.add(new MeetingRecordedEvent(rect, text(m, "meetingId"), meetingKind(text(m, "kind")), date(m, "date"),
                    text(m, "title"), strings(m.path("attendees")), List.of(), null));
        }
        for (JsonNode r : root.path("regulations")) {
            List<AnswerLink> answers = new ArrayList<>();
            for (JsonNode item : r.path("answersItems")) {
                answers.add(new AnswerLink(id, null, item.asText()));
            }
            String regId = text(r, "regulationId");
            RegulationArea area = RegulationArea.FINANCE;
            events.add(new io.zhenggai.api.finance.FinanceEvents.RuleBookOpenedEvent("rb", text(root.path("notice"), "publishingUnit")));
            events.add(new RegulationEnactedEvent("rb", "unit", regId, text(r, "title"), area, regId + "-v1", 1, null,
                    LocalDate.parse("2023-01-01"), null, null, List.of(),
                    "REVISE".equals(text(r, "action")) ? List.of() : answers));
            if ("REVISE".equals(text(r, "action"))) {
                events.add(new RegulationRevisedEvent("rb", "unit", regId, text(r, "title"), area, regId + "-v2", 2, regId + "-v1",
                        null, date(r, "effectiveFrom"), "修订", null, List.of(), answers));
            }
        }
        return events;
    }

    public NoticeNarrative narrative() {
        JsonNode n = root.path("notice");
        return new NoticeNarrative(text(n, "title"), sections(n.path("responsibilitySections")), sections(n.path("nextSteps")),
                text(n, "invitation"));
    }

    public NoticeSettings settings() {
        JsonNode n = root.path("notice");
        JsonNode c = n.path("contacts");
        return new NoticeSettings(text(n, "publishingUnit"), date(n, "dateWritten"), text(n, "indexNumber"), text(n, "disclosure"),
                new NoticeSettings.Contacts(text(c, "phone"), text(c, "postalAddress"), text(c, "postcode"), text(c, "email")),
                NoticeSettings.Blocks.none(), untitledItemIds(), null);
    }

    public LocalDate windowStart() {
        return date(root.path("notice").path("window"), "start");
    }

    public LocalDate windowEnd() {
        return date(root.path("notice").path("window"), "end");
    }

    /** Every measure text of the case. */
    public List<String> measureTexts() {
        List<String> texts = new ArrayList<>();
        root.path("categories").forEach(c -> c.path("items").forEach(i -> i.path("measures").forEach(m -> texts.add(text(m, "text")))));
        return texts;
    }

    private static List<NoticeNarrative.Section> sections(JsonNode array) {
        List<NoticeNarrative.Section> out = new ArrayList<>();
        array.forEach(s -> out.add(new NoticeNarrative.Section(text(s, "title"), text(s, "text"))));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String t = text(node, field);
        return t == null ? null : LocalDate.parse(t);
    }
}
