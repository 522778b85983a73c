package io.zhenggai.rectification;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.api.rectification.RectificationQueries.FindLedgerAsOfQuery;
import io.zhenggai.api.rectification.RectificationQueries.LedgerFilter;
import io.zhenggai.api.rectification.RectificationQueries.LedgerView;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.publication.testing.SeedCase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 整改台账 in and out of Excel through the HTTP API: the seed ledger exported and imported into an empty
 * rectification gives the same totals; a file with bad cells is refused whole, naming each; importing twice and
 * previewing change nothing; formula-looking text stays text; the ledger as of a past instant; who may do it.
 */
class LedgerExcelIT extends RectificationItSupport {

    private static final String SEED = "nanhai-2023-tzb";
    private static final List<String> COMPARED = List.of("items", "completed", "inProgress", "basicallyCompleted",
            "notStarted", "notCompleted", "longTermMechanism", "completionRate");

    @Autowired
    QueryGateway queries;

    private static volatile boolean seeded;

    private synchronized void loadSeed() {
        if (seeded) {
            return;
        }
        Response loaded = api.as("admin").post("/api/admin/seeds", SeedCase.load().json());
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.as("auditor").get("/api/rectifications/" + SEED).status() == 200);
        seeded = true;
    }

    @Test
    void theSeedLedgerExportedAndImportedIntoAnEmptyRectificationHasTheSameTotals() throws Exception {
        loadSeed();
        JsonNode seedLedger = api.as("auditor").get("/api/rectifications/" + SEED).json();
        Response export = api.as("rectifier").get("/api/rectifications/" + SEED + "/ledger.xlsx");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] file = export.bytes();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("区委统战部巡察整改台账");
            assertThat(text(sheet, "被巡察单位")).isEqualTo("区委统战部");
            assertThat(text(sheet, "巡察编号")).isEqualTo(SEED);
            assertThat(headers(sheet)).contains("序号", "问题", "整改措施", "责任领导", "责任部门", "完成时限", "完成情况",
                    "佐证材料", "进展记录", "销号审核记录");
        }

        Delivered empty = copyOfTheSeedInspection(seedLedger);
        String path = empty.path();
        long before = eventCount(empty.rectificationId());

        Response preview = importFile("rectifier", path + "/imports/preview", file, Map.of("date", today().toString()));
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().path("valid").asBoolean()).as(preview.text()).isTrue();
        int items = seedLedger.path("totals").path("items").asInt();
        assertThat(preview.json().path("counts").path("itemsToAdd").asInt()).isEqualTo(items);
        assertThat(preview.json().path("rows")).hasSize(items);
        assertThat(eventCount(empty.rectificationId())).as("a preview sends nothing").isEqualTo(before);

        // before the plan is adopted only the items are added; after adoption the same file records the progress
        Response first = importFile("rectifier", path + "/imports", file, Map.of("date", today().toString()));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().path("counts").path("progressAfterAdoption").asInt()).isPositive();
        adopt(empty);
        Response second = importFile("rectifier", path + "/imports", file, Map.of("date", today().toString()));
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.json().path("counts").path("itemsExisting").asInt()).isEqualTo(items);
        assertThat(second.json().path("counts").path("progressToRecord").asInt()).isPositive();

        LocalDate judged = today();
        JsonNode original = api.as("auditor").get("/api/rectifications/" + SEED + "?today=" + judged).json();
        JsonNode imported = api.as("auditor").get(path + "?today=" + judged).json();
        for (String total : COMPARED) {
            assertThat(imported.path("totals").path(total)).as(total).isEqualTo(original.path("totals").path(total));
        }
        assertThat(imported.path("findingTotals")).isEqualTo(original.path("findingTotals"));

        long events = eventCount(empty.rectificationId());
        Response third = importFile("rectifier", path + "/imports", file, Map.of("date", today().toString()));
        assertThat(third.status()).as(third.text()).isEqualTo(200);
        assertThat(third.json().path("counts").path("progressToRecord").asInt()).isZero();
        assertThat(third.json().path("counts").path("itemsToAdd").asInt()).isZero();
        assertThat(eventCount(empty.rectificationId())).as("importing the same file again changes nothing").isEqualTo(events);
    }

    @Test
    void aFileWithThreeBadCellsIsRefusedWholeAndEachIsNamedByRowAndColumn() throws Exception {
        loadSeed();
        JsonNode seedLedger = api.as("auditor").get("/api/rectifications/" + SEED).json();
        byte[] file = api.as("rectifier").get("/api/rectifications/" + SEED + "/ledger.xlsx").bytes();
        Delivered empty = copyOfTheSeedInspection(seedLedger);
        byte[] planted;
        List<String> expected = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = headerRow(sheet);
            int due = column(header, "完成时限");
            int status = column(header, "完成情况");
            int leader = column(header, "责任领导");
            int first = header.getRowNum() + 1;
            sheet.getRow(first).createCell(due).setCellValue("明年再说");
            sheet.getRow(first + 1).createCell(status).setCellValue("差不多了");
            sheet.getRow(first + 2).createCell(leader).setCellValue("查无此人");
            expected.add((first + 1) + ":" + letter(due));
            expected.add((first + 2) + ":" + letter(status));
            expected.add((first + 3) + ":" + letter(leader));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            planted = out.toByteArray();
        }
        long before = eventCount(empty.rectificationId());
        Response refused = importFile("rectifier", empty.path() + "/imports", planted, Map.of("date", today().toString()));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isEqualTo("IMPORT_INVALID");
        List<String> named = new ArrayList<>();
        refused.json().path("errors").forEach(e -> {
            named.add(e.path("row").asInt() + ":" + e.path("column").asText());
            assertThat(e.path("message").asText()).isNotBlank();
        });
        assertThat(named).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(eventCount(empty.rectificationId())).as("nothing was imported").isEqualTo(before);

        Response preview = importFile("rectifier", empty.path() + "/imports/preview", planted, Map.of());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("valid").asBoolean()).isFalse();
        assertThat(preview.json().path("errors")).hasSize(3);
    }

    @Test
    void anOfficesOwnWorkbookIsMappedByColumnAndTextThatLooksLikeAFormulaStaysText() throws Exception {
        Delivered d = deliverInspection();
        awaitLedger(d);
        setUpGroup(d);
        // an office's sheet: a title line, its own header names, 问题 in column B, measures numbered 1. 2.
        byte[] file = workbook(List.of(
                List.of("某单位巡察整改台账"),
                List.of("编号", "反馈的问题", "整改措施", "责任领导", "责任部门", "完成时限", "完成情况", "佐证材料"),
                List.of("1", "“第一议题”制度落实不到位", "1. =HYPERLINK(\"http://evil\")\n2. 每月学习", "王副部长", "办公室",
                        "2099-12-31", "未启动", ""),
                List.of("2", "财务管理制度不健全", "@SUM(A1)", "", "=cmd|' /C calc'!A0", "长期坚持", "", "")));
        Response unmapped = importFile("rectifier", d.path() + "/imports/preview", file, Map.of());
        assertThat(unmapped.status()).as(unmapped.text()).isEqualTo(400);
        assertThat(unmapped.text()).contains("problem");

        Response preview = importFile("rectifier", d.path() + "/imports/preview", file, Map.of("problem", "B"));
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().path("valid").asBoolean()).as(preview.text()).isTrue();
        assertThat(preview.json().path("headerRow").asInt()).isEqualTo(2);
        JsonNode rows = preview.json().path("rows");
        assertThat(rows.get(0).path("findingIds").get(0).asText()).isEqualTo("f1");
        assertThat(rows.get(0).path("measures")).hasSize(2);
        assertThat(rows.get(0).path("responsibleLeaderId").asText()).isEqualTo("deputy");
        assertThat(rows.get(0).path("kind").asText()).isEqualTo("TIME_BOUND");
        assertThat(rows.get(1).path("kind").asText()).isEqualTo("ONGOING");

        Response imported = importFile("rectifier", d.path() + "/imports", file, Map.of("problem", "B"));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        byte[] exported = api.as("rectifier").get(d.path() + "/ledger.xlsx").bytes();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = book.getSheetAt(0);
            int measures = column(headerRow(sheet), "整改措施");
            List<Cell> cells = new ArrayList<>();
            for (int r = headerRow(sheet).getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                cells.add(sheet.getRow(r).getCell(measures));
            }
            assertThat(cells).extracting(Cell::getCellType).containsOnly(CellType.STRING);
            assertThat(cells).extracting(Cell::getStringCellValue).anyMatch(s -> s.contains("=HYPERLINK"));
            assertThat(cells).extracting(Cell::getStringCellValue).contains("一是，@SUM(A1)");
            // a department that a spreadsheet would run as a formula: a string cell, quote-prefixed
            int department = column(headerRow(sheet), "责任部门");
            Cell dde = null;
            for (int r = headerRow(sheet).getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Cell c = sheet.getRow(r).getCell(department);
                if (c != null && c.getStringCellValue().startsWith("=cmd")) {
                    dde = c;
                }
            }
            assertThat(dde).isNotNull();
            assertThat(dde.getCellType()).isEqualTo(CellType.STRING);
            assertThat(dde.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void theLedgerAsOfAPastInstantIsFoldedFromTheEventsRecordedUntilThen() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        adoptedPlan(d);
        List<StoredEvent> events = events(d.rectificationId());
        StoredEvent firstItem = events.stream().filter(e -> e.type().equals("ItemAddedEvent")).findFirst().orElseThrow();
        Instant afterFirstItem = jdbc.sql("select time_stamp from domain_event_entry where aggregate_identifier = :id and sequence_number = :s")
                .param("id", d.rectificationId()).param("s", firstItem.sequence() + 2) // the item and its two measures
                .query(String.class).optional().map(Instant::parse).orElseThrow();
        LedgerView then = queries.query(new FindLedgerAsOfQuery(d.rectificationId(), afterFirstItem, LedgerFilter.none(),
                today(), 10), LedgerView.class).join();
        assertThat(then.totals().items()).isEqualTo(1);
        assertThat(then.plan().status()).isEqualTo("DRAFT");
        LedgerView now = queries.query(new FindLedgerAsOfQuery(d.rectificationId(), Instant.now().plusSeconds(60),
                LedgerFilter.none(), today(), 10), LedgerView.class).join();
        JsonNode read = api.as("auditor").get(d.path() + "?today=" + today()).json();
        assertThat(now.totals().items()).isEqualTo(read.path("totals").path("items").asInt()).isEqualTo(2);
        assertThat(now.version()).isEqualTo(read.path("version").asLong());
        assertThat(queries.query(new FindLedgerAsOfQuery(d.rectificationId(), Instant.parse("2000-01-01T00:00:00Z"),
                LedgerFilter.none(), today(), 10), LedgerView.class).join()).isNull();

        Response past = api.as("auditor").get(d.path() + "/ledger.xlsx?asOf=" + today().minusYears(20));
        assertThat(past.status()).as("no rectification 20 years ago").isEqualTo(404);
        Response future = api.as("auditor").get(d.path() + "/ledger.xlsx?asOf=" + today().plusDays(2));
        assertThat(future.status()).isEqualTo(422);
        assertThat(api.as("auditor").get(d.path() + "/ledger.xlsx?asOf=" + today()).status()).isEqualTo(200);
    }

    @Test
    void onlyThoseWhoRecordTheLedgerImportAndNotAnotherUnitsRectifier() throws Exception {
        loadSeed();
        byte[] file = api.as("rectifier").get("/api/rectifications/" + SEED + "/ledger.xlsx").bytes();
        String path = "/api/rectifications/" + SEED;
        for (String role : List.of("auditor", "inspector", "unit_leader", "publisher", "finance_officer")) {
            assertThat(importFile(role, path + "/imports", file, Map.of()).status()).as(role).isEqualTo(403);
            assertThat(importFile(role, path + "/imports/preview", file, Map.of()).status()).as(role).isEqualTo(403);
        }
        assertThat(importFile("rectifier_b", path + "/imports", file, Map.of()).status()).isEqualTo(404);
        assertThat(api.as("rectifier_b").get(path + "/ledger.xlsx").status()).isEqualTo(404);
        for (String role : List.of("publisher", "finance_officer")) {
            assertThat(api.as(role).get(path + "/ledger.xlsx").status()).as(role).isEqualTo(403);
        }
        assertThat(api.anonymous().get(path + "/ledger.xlsx").status()).isEqualTo(401);
    }

    @Test
    void aFileThatIsNotAnXlsxWorkbookIsRefusedWithAClearProblem() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        long before = eventCount(d.rectificationId());
        Response csv = importFile("rectifier", d.path() + "/imports", "序号,问题\n1,x\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(csv.status()).isEqualTo(422);
        assertThat(csv.json().path("code").asText()).isEqualTo("IMPORT_NOT_XLSX");
        assertThat(csv.json().path("detail").asText()).contains(".xlsx");
        Response xls = importFile("rectifier", d.path() + "/imports",
                new byte[]{(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, 0, 0, 0, 0}, Map.of());
        assertThat(xls.json().path("detail").asText()).contains(".xls");
        byte[] zipButNotXlsx = new byte[]{0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5};
        assertThat(importFile("rectifier", d.path() + "/imports", zipButNotXlsx, Map.of()).json().path("code").asText())
                .isEqualTo("IMPORT_NOT_XLSX");
        assertThat(eventCount(d.rectificationId())).isEqualTo(before);
    }

    // ---------------------------------------------------------------- helpers

    /** A new inspection with the seed's categories and findings (same titles), delivered on its feedback date, with its group. */
    private Delivered copyOfTheSeedInspection(JsonNode seedLedger) {
        String id = uniqueId("copy");
        var inspector = api.as("inspector");
        LocalDate feedback = LocalDate.parse(seedLedger.path("feedbackDate").asText());
        expect(inspector.post("/api/inspections", body("inspectionId", id, "inspectingBody", seedLedger.path("inspectingBody").asText(),
                "inspectedUnit", seedLedger.path("inspectedUnit").asText(), "mandate", "区委统一部署",
                "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", seedLedger.path("fieldworkStart").asText(),
                "plannedFieldworkEnd", seedLedger.path("fieldworkEnd").asText())), 201);
        expect(inspector.post("/api/inspections/" + id + "/fieldwork/start", body("date", seedLedger.path("fieldworkStart").asText())), 200);
        for (JsonNode c : seedLedger.path("categories")) {
            expect(inspector.post("/api/inspections/" + id + "/categories",
                    body("categoryId", c.path("categoryId").asText(), "title", c.path("title").asText())), 201);
            for (JsonNode f : c.path("findings")) {
                expect(inspector.post("/api/inspections/" + id + "/findings", body("findingId", f.path("findingId").asText(),
                        "categoryId", c.path("categoryId").asText(), "title", f.path("title").asText())), 201);
            }
        }
        expect(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", body("date", seedLedger.path("fieldworkEnd").asText())), 200);
        expect(inspector.post("/api/inspections/" + id + "/feedback", body("date", feedback)), 200);
        Delivered d = new Delivered(id, "rect-" + id, feedback);
        awaitLedger(d);
        var leader = api.as("unit_leader");
        for (JsonNode m : seedLedger.path("leadershipGroup")) {
            if (m.path("active").asBoolean()) {
                expect(leader.post(d.path() + "/group/members", body("memberId", m.path("memberId").asText(),
                        "name", m.path("name").asText(), "position", m.path("position").asText(), "role", m.path("role").asText(),
                        "date", m.path("appointedDate").asText())), 201);
            }
        }
        return d;
    }

    private Response importFile(String user, String path, byte[] file, Map<String, String> fields) {
        String boundary = "zhenggai-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A one-sheet workbook of text cells, as an office's 整改台账 (also the import page's test). */
    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("台账");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Row headerRow(Sheet sheet) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && "序号".equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no header row");
    }

    private static List<String> headers(Sheet sheet) {
        List<String> names = new ArrayList<>();
        headerRow(sheet).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    private static int column(Row header, String name) {
        for (Cell c : header) {
            if (name.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static String letter(int column) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(column);
    }

    private static String text(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                Cell value = row.getCell(1);
                return value.getCellType() == CellType.STRING ? value.getStringCellValue() : value.toString();
            }
        }
        throw new AssertionError("no line " + label);
    }
}
