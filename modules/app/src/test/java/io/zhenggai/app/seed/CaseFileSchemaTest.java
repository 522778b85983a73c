package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The case-file schema: the committed cases satisfy it, it knows what the API knows, and its errors name field and step. */
class CaseFileSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final SeedCaseValidator validator = new SeedCaseValidator();

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = CaseFileSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    static ObjectNode nanhai() throws IOException {
        return (ObjectNode) resource("seeds/nanhai-2023-tzb.json");
    }

    @Test
    void theCommittedNanhaiCaseSatisfiesTheSchema() throws IOException {
        assertThat(validator.validate(nanhai())).isEmpty();
    }

    @Test
    void theCommittedSyntheticRoundOfFortyUnitsSatisfiesTheSchemaAndSaysItIsSynthetic() throws IOException {
        JsonNode round = resource("seeds/synthetic-round40-2024.json");
        assertThat(validator.validate((ObjectNode) round)).isEmpty();
        assertThat(round.path("synthetic").asBoolean()).isTrue();
        assertThat(round.path("inspections")).hasSize(40);
    }

    /** Every case file committed in seeds/ (the real case, the round, the synthetic cases with an expected notice). */
    @Test
    void everyCommittedCaseFileSatisfiesTheSchemaAndEachWithAnExpectedNoticeIsSynthetic() throws IOException {
        java.nio.file.Path seeds = io.zhenggai.publication.testing.SeedCase.file("seeds/case.schema.json").getParent();
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> list = java.nio.file.Files.list(seeds)) {
            files = list.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("case.schema.json"))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (java.nio.file.Path file : files) {
            ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
            assertThat(validator.validate(json)).as(file.getFileName().toString()).isEmpty();
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            if (java.nio.file.Files.exists(seeds.resolve("expected").resolve(name + ".txt"))) {
                assertThat(json.path("synthetic").asBoolean()).as(name + " is synthetic").isTrue();
            }
        }
    }

    @Test
    void theSchemaNamesEveryValueTheApiKnows() throws IOException {
        JsonNode defs = resource(SeedCaseValidator.SCHEMA).path("$defs");
        assertThat(values(defs.path("itemStatus").path("enum"))).isEqualTo(names(ItemStatus.values()));
        assertThat(values(defs.path("item").path("properties").path("kind").path("enum"))).isEqualTo(names(ItemKind.values()));
        assertThat(values(defs.path("accountability").path("properties").path("kind").path("enum")))
                .isEqualTo(names(AccountabilityKind.values()));
        assertThat(values(defs.path("money").path("properties").path("kind").path("enum"))).isEqualTo(names(MoneyOutcomeKind.values()));
        assertThat(values(defs.path("regulationArea").path("enum"))).isEqualTo(names(RegulationArea.values()));
        assertThat(values(defs.path("leadershipGroup").path("properties").path("members").path("items").path("properties")
                .path("role").path("enum"))).isEqualTo(names(LeadershipRole.values()));
        Set<String> meetingKinds = Stream.concat(Arrays.stream(MeetingKind.values()).map(Enum::name),
                Arrays.stream(MeetingKind.values()).map(MeetingKind::label)).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(values(defs.path("meeting").path("properties").path("kind").path("enum"))).isEqualTo(meetingKinds);
        assertThat(values(defs.path("processMetric").path("properties").path("meetingKind").path("enum"))).isEqualTo(meetingKinds);
        assertThat(values(defs.path("processMetric").path("properties").path("kind").path("enum")))
                .isEqualTo(names(ProcessMetricKind.values()));
        assertThat(SeedPlan.MEETING_KINDS).hasSize(MeetingKind.values().length);
        SeedPlan.MEETING_KINDS.forEach((label, name) -> assertThat(MeetingKind.valueOf(name).label()).isEqualTo(label));
        // files are uploaded, not carried in a case file
        assertThat(values(defs.path("evidence").path("properties").path("type").path("enum")))
                .isEqualTo(names(Arrays.stream(EvidenceKind.values()).filter(k -> k != EvidenceKind.FILE).toArray(EvidenceKind[]::new)));
    }

    @Test
    void aFileWithOneInspectionCarriesEverythingAUnitOfARoundCarries() throws IOException {
        JsonNode schema = resource(SeedCaseValidator.SCHEMA);
        Set<String> top = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(top::add);
        schema.at("/$defs/unit/properties").fieldNames().forEachRemaining(field -> {
            assertThat(top).contains(field);
            assertThat(schema.path("properties").path(field)).isEqualTo(schema.at("/$defs/unit/properties").path(field));
        });
    }

    @Test
    void aMissingDueDateIsNamedWithItsFieldAndStep() throws IOException {
        ObjectNode c = nanhai();
        ((ObjectNode) c.at("/categories/0/items/1")).remove("dueDate");
        ((ObjectNode) c.at("/categories/0/items/3")).put("dueDate", "2024-02-30");
        List<SeedCaseValidator.CaseError> errors = validator.validate(c);
        assertThat(errors).extracting(SeedCaseValidator.CaseError::field)
                .contains("categories[0].items[1].dueDate", "categories[0].items[3].dueDate");
        assertThat(errors).filteredOn(e -> e.field().equals("categories[0].items[3].dueDate"))
                .singleElement().satisfies(e -> {
                    assertThat(e.step()).isEqualTo("rectification.item.c1-i4");
                    assertThat(e.value()).isEqualTo("2024-02-30");
                });
        assertThat(errors).hasSize(2); // nothing else is reported: the rest of the file is valid
    }

    @Test
    void unknownFieldsAndUnknownReferencesAreRefused() throws IOException {
        ObjectNode c = nanhai();
        ((ObjectNode) c.at("/categories/1/items/0")).put("duedate", "2024-01-01");
        assertThat(validator.validate(c)).extracting(SeedCaseValidator.CaseError::field).contains("categories[1].items[0].duedate");

        ObjectNode d = nanhai();
        ((ArrayNode) d.at("/categories/1/items/0/findingIds")).add("no-such-finding");
        ((ObjectNode) d.at("/categories/1/items/1")).put("responsibleLeaderId", "lg-4");
        assertThat(validator.validate(d)).extracting(SeedCaseValidator.CaseError::field)
                .containsExactly("categories[1].items[0].findingIds[1]", "categories[1].items[1].responsibleLeaderId");
    }

    @Test
    void anOngoingItemIsNeverCompletedAndOnlyOngoingItemsEstablishAMechanism() throws IOException {
        ObjectNode c = nanhai();
        ((ObjectNode) c.at("/categories/0/items/0")).put("status", "COMPLETED");            // ONGOING
        ((ObjectNode) c.at("/categories/0/items/1")).put("status", "LONG_TERM_MECHANISM_ESTABLISHED"); // TIME_BOUND
        assertThat(validator.validate(c)).extracting(SeedCaseValidator.CaseError::field)
                .contains("categories[0].items[0].status", "categories[0].items[1].status");
    }

    @Test
    void anItemInAnyStatusIsPlannedWithoutAskingCloseOffForWorkNotDone() throws IOException {
        ObjectNode c = nanhai();
        ((ObjectNode) c.at("/categories/0/items/1")).put("status", "IN_PROGRESS");
        ((ObjectNode) c.at("/categories/0/items/2")).put("status", "NOT_STARTED");
        ((ObjectNode) c.at("/categories/0/items/2/measures/0")).remove("evidence");
        for (JsonNode m : c.at("/categories/0/items/2/measures")) {
            ((ObjectNode) m).remove("evidence");
        }
        assertThat(validator.validate(c)).isEmpty();
        List<String> keys = SeedPlan.of(c).stream().map(SeedStep::key).toList();
        assertThat(keys).doesNotContain("rectification.closeoff.request.c1-i2", "rectification.closeoff.request.c1-i3")
                .noneMatch(k -> k.startsWith("rectification.progress.c1-i3-"))
                .contains("rectification.progress.c1-i2-m1", "rectification.closeoff.request.c1-i4");
    }

    @Test
    void aRoundOfSeveralInspectionsIsPlannedUnitByUnitAfterTheRound() throws IOException {
        ObjectNode one = nanhai();
        ObjectNode round = JSON.createObjectNode();
        round.put("caseId", "round-case");
        round.putObject("round").put("roundId", "r-2023").put("name", "2023年第一轮巡察");
        ArrayNode units = round.putArray("inspections");
        for (String id : List.of("unit-a", "unit-b")) {
            ObjectNode unit = one.deepCopy();
            for (String field : List.of("caseId", "description", "source", "seedUser", "assumptions", "organisations")) {
                unit.remove(field);
            }
            ((ObjectNode) unit.path("inspection")).put("inspectionId", id);
            unit.path("regulations").forEach(r -> ((ObjectNode) r).put("regulationId", id + "-" + r.path("regulationId").asText()));
            units.add(unit);
        }
        assertThat(validator.validate(round)).isEmpty();

        List<SeedStep> steps = SeedPlan.of(round);
        assertThat(steps.get(0).key()).isEqualTo("round.create");
        assertThat(steps).filteredOn(s -> s.key().endsWith("inspection.schedule"))
                .extracting(SeedStep::key, SeedStep::awaitPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unit-a:inspection.schedule", "/api/inspection-rounds/r-2023"),
                        org.assertj.core.groups.Tuple.tuple("unit-b:inspection.schedule", "/api/inspection-rounds/r-2023"));
        assertThat(steps).extracting(SeedStep::key).doesNotHaveDuplicates();
        assertThat(steps).filteredOn(s -> s.key().equals("unit-b:notice.approval")).singleElement()
                .satisfies(s -> assertThat(s.body().toString()).contains("${unit-b.noticeContentHash}"));

        ((ObjectNode) round.at("/inspections/1/categories/0/items/0")).remove("kind");
        assertThat(validator.validate(round)).extracting(SeedCaseValidator.CaseError::field, SeedCaseValidator.CaseError::step)
                .contains(org.assertj.core.groups.Tuple.tuple("inspections[1].categories[0].items[0].kind", "unit-b:rectification.item.c1-i1"));
    }

    @Test
    void kindFormAndLevelArePassedOnlyWhenTheFileStatesThem() throws IOException {
        ObjectNode c = nanhai();
        assertThat(schedule(c)).doesNotContainKeys("kind", "form", "level", "roundId");
        ((ObjectNode) c.path("inspection")).put("kind", "XUNSHI").put("form", "LOOK_BACK").put("level", "PROVINCIAL");
        assertThat(validator.validate(c)).isEmpty();
        assertThat(schedule(c)).containsEntry("kind", "XUNSHI").containsEntry("form", "LOOK_BACK").containsEntry("level", "PROVINCIAL");
        ((ObjectNode) c.path("inspection")).put("kind", "巡视");
        assertThat(validator.validate(c)).extracting(SeedCaseValidator.CaseError::field).containsExactly("inspection.kind");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noticeNarrativeAndSettingsTheApiKnowsBeyondTheFlatFieldsArePassedAsTheyAre() throws IOException {
        ObjectNode c = nanhai();
        ((ObjectNode) c.path("notice")).putObject("settings").put("disclosure", "依申请公开").put("newSetting", true);
        ((ObjectNode) c.path("notice")).putObject("narrative").put("opening", "按照党务公开原则……");
        assertThat(validator.validate(c)).isEmpty();
        SeedStep compose = SeedPlan.of(c).stream().filter(s -> s.key().equals("notice.compose")).findFirst().orElseThrow();
        java.util.Map<String, Object> body = (java.util.Map<String, Object>) compose.body();
        assertThat((java.util.Map<String, Object>) body.get("settings")).containsEntry("publishingUnit", "中共佛山市南海区委统战部")
                .containsKey("newSetting").extractingByKey("disclosure").hasToString("\"依申请公开\"");
        assertThat((java.util.Map<String, Object>) body.get("narrative")).containsKeys("title", "opening");
    }

    @Test
    @SuppressWarnings("unchecked")
    void processMetricsArePlannedAfterAccountabilityAndAMeetingCountNamesItsKind() throws IOException {
        ObjectNode c = nanhai();
        ArrayNode metrics = c.putArray("processMetrics");
        metrics.addObject().put("metricId", "pm-reminders").put("kind", "WORK_REMINDERS_SENT").put("count", 12).put("date", "2024-01-10");
        metrics.addObject().put("metricId", "pm-lectures").put("kind", "MEETINGS_HELD").put("meetingKind", "专题党课")
                .put("count", 2).put("date", "2024-01-10");
        assertThat(validator.validate(c)).isEmpty();
        List<SeedStep> steps = SeedPlan.of(c);
        SeedStep lectures = steps.stream().filter(s -> s.key().equals("rectification.metric.pm-lectures")).findFirst().orElseThrow();
        assertThat((java.util.Map<String, Object>) lectures.body()).containsEntry("meetingKind", "PARTY_LECTURE")
                .containsEntry("count", 2).containsEntry("kind", "MEETINGS_HELD");
        assertThat(lectures.path()).isEqualTo("/api/rectifications/" + c.at("/inspection/inspectionId").asText() + "/process-metrics");

        ObjectNode twice = c.deepCopy();
        ((ArrayNode) twice.path("processMetrics")).addObject().put("metricId", "pm-reminders").put("kind", "TALKS_HELD")
                .put("count", 3).put("date", "2024-01-10");
        assertThat(validator.validate(twice)).extracting(SeedCaseValidator.CaseError::field)
                .containsExactly("processMetrics[2].metricId");

        ((ObjectNode) metrics.get(1)).remove("meetingKind");
        ((ObjectNode) metrics.get(0)).put("meetingKind", "组织生活会");
        metrics.addObject().put("metricId", "pm-talks").put("kind", "TALKS_HELD").put("count", -1).put("date", "2024-01-10");
        assertThat(validator.validate(c)).extracting(SeedCaseValidator.CaseError::field)
                .containsExactlyInAnyOrder("processMetrics[1].meetingKind", "processMetrics[0].meetingKind", "processMetrics[2].count");
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> schedule(JsonNode c) {
        return (java.util.Map<String, Object>) SeedPlan.of(c).get(0).body();
    }

    static Set<String> values(JsonNode array) {
        Set<String> s = new LinkedHashSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }

    static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
