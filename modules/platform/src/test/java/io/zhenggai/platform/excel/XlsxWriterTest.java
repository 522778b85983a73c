package io.zhenggai.platform.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxWriterTest {

    @Test
    void textThatLooksLikeAFormulaIsWrittenAsQuotedTextNeverAFormula() throws Exception {
        List<String> dangerous = List.of("=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter writer = new XlsxWriter()) {
            writer.sheet("台账").title("整改台账").header(List.of("问题")).row(dangerous.stream().map(s -> (Object) s).toList());
            writer.row(Arrays.asList("普通文字", 3, LocalDate.of(2023, 12, 31), null));
            writer.writeTo(out);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i < dangerous.size(); i++) {
                Cell cell = sheet.getRow(2).getCell(i);
                assertThat(cell.getCellType()).as(dangerous.get(i)).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(dangerous.get(i));
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(dangerous.get(i)).isTrue();
            }
            Cell plain = sheet.getRow(3).getCell(0);
            assertThat(plain.getCellType()).isEqualTo(CellType.STRING);
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(3).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 12, 31));
            assertThat(sheet.getRow(3).getCell(3)).isNull();
        }
    }

    @Test
    void sheetNamesAreMadeSafe() throws Exception {
        try (XlsxWriter writer = new XlsxWriter()) {
            writer.sheet("a/b:c*d?[e]一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十");
            assertThat(writer.current().getSheetName()).hasSize(31).doesNotContain("/", ":", "*", "?", "[", "]");
        }
    }
}
