package io.zhenggai.rectification.excel;

import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.rectification.excel.LedgerSheetReader.SheetRow;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSheetReaderTest {

    @Test
    void formulaCellsGiveTheirCachedValueAndAreNeverEvaluated() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("问题");
            row.createCell(1).setCellFormula("1+1");
            row.getCell(1).setCellValue(99); // the cached result, deliberately not what the formula gives
            CellStyle date = book.createCellStyle();
            date.setDataFormat((short) 14); // m/d/yy, a built-in date format
            row.createCell(2).setCellValue(LocalDate.of(2023, 12, 31));
            row.getCell(2).setCellStyle(date);
            sheet.createRow(3).createCell(4).setCellValue("第四行");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            file = out.toByteArray();
        }
        List<SheetRow> rows = LedgerSheetReader.read(file, 100);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cell(1)).isEqualTo("99");
        assertThat(rows.get(0).cell(2)).isEqualTo("2023-12-31");
        assertThat(rows.get(1).number()).isEqualTo(4);
        assertThat(rows.get(1).cell(4)).isEqualTo("第四行");
    }

    @Test
    void refusesMoreRowsThanAllowedAndWhatIsNoWorkbook() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            for (int i = 0; i < 20; i++) {
                sheet.createRow(i).createCell(0).setCellValue("行" + i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            file = out.toByteArray();
        }
        assertThatThrownBy(() -> LedgerSheetReader.read(file, 10)).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("code", "IMPORT_TOO_MANY_ROWS");
        assertThatThrownBy(() -> LedgerSheetReader.read("a,b\n".getBytes(StandardCharsets.UTF_8), 10))
                .hasFieldOrPropertyWithValue("code", "IMPORT_NOT_XLSX");
        assertThatThrownBy(() -> LedgerSheetReader.read(new byte[]{0x50, 0x4b, 0x03, 0x04, 9, 9}, 10))
                .hasFieldOrPropertyWithValue("code", "IMPORT_NOT_XLSX");
    }
}
