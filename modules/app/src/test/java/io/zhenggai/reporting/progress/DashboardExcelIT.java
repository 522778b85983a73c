package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview and the round view as XLSX carry the figures of their JSON (the same queries), and who may read them. */
class DashboardExcelIT extends IntegrationTest {

    @Test
    void theRoundViewAndTheOverviewExportTheirFiguresAsXlsx() throws Exception {
        String round = uniqueId("round");
        assertThat(api.as("inspector").post("/api/inspection-rounds", Map.of("roundId", round, "name", "=十三届区委第三轮巡察",
                "organizer", "区委巡察工作领导小组", "periodStart", "2023-06-01", "periodEnd", "2023-09-30")).status()).isEqualTo(201);
        String inspection = uniqueId("insp");
        Response scheduled = api.as("inspector").post("/api/inspections", Map.of("inspectionId", inspection, "roundId", round,
                "inspectingBody", "区委第四巡察组", "inspectedUnit", "区委统战部", "mandate", "区委统一部署",
                "plannedFieldworkStart", "2023-06-08", "plannedFieldworkEnd", "2023-07-28"));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                api.as("unit_leader").get("/api/dashboard/rounds/" + round).json().path("inspections").asInt() == 1);

        JsonNode json = api.as("unit_leader").get("/api/dashboard/rounds/" + round).json();
        Response xlsx = api.as("unit_leader").get("/api/dashboard/rounds/" + round + ".xlsx");
        assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            Cell title = sheet.getRow(0).getCell(0);
            assertThat(title.getStringCellValue()).isEqualTo("=十三届区委第三轮巡察");
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getCellStyle().getQuotePrefixed()).as("a name that looks like a formula stays text").isTrue();
            Row unit = row(sheet, inspection);
            assertThat(unit.getCell(1).getStringCellValue()).isEqualTo("区委统战部");
            assertThat((int) unit.getCell(6).getNumericCellValue()).isEqualTo(json.path("units").get(0).path("totals").path("items").asInt());
            Row all = row(sheet, "合计");
            assertThat((int) all.getCell(6).getNumericCellValue()).isEqualTo(json.path("totals").path("items").asInt());
        }

        Response overview = api.as("auditor").get("/api/dashboard/inspections.xlsx?roundId=" + round);
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        JsonNode overviewJson = api.as("auditor").get("/api/dashboard/inspections?roundId=" + round).json();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(overview.bytes()))) {
            Row line = row(book.getSheetAt(0), inspection);
            assertThat((int) line.getCell(6).getNumericCellValue()).isEqualTo(overviewJson.path("items").get(0).path("totals").path("items").asInt());
        }

        assertThat(api.as("publisher").get("/api/dashboard/rounds/" + round + ".xlsx").status()).isEqualTo(403);
        assertThat(api.as("finance_officer").get("/api/dashboard/inspections.xlsx").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/dashboard/inspections.xlsx").status()).isEqualTo(401);
        assertThat(api.as("unit_leader").get("/api/dashboard/rounds/" + uniqueId("none") + ".xlsx").status()).isEqualTo(404);
    }

    private static Row row(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && first.equals(c.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + first);
    }
}
