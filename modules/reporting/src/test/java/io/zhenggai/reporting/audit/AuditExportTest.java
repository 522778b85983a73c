package io.zhenggai.reporting.audit;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTest {

    @Test
    void quotesCellsWithSeparatorsQuotesAndLineBreaks() {
        assertThat(CsvRows.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvRows.cell("说\"明\"")).isEqualTo("\"说\"\"明\"\"\"");
        assertThat(CsvRows.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvRows.cell("plain")).isEqualTo("plain");
        assertThat(CsvRows.cell(null)).isEmpty();
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvRows.cell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(CsvRows.cell("@cmd")).isEqualTo("'@cmd");
    }

    @Test
    void guardsEveryCharacterThatStartsAFormula() {
        assertThat(CsvRows.guarded("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvRows.guarded("+86 757")).isEqualTo("'+86 757");
        assertThat(CsvRows.guarded("\tSUM(A1)")).isEqualTo("'\tSUM(A1)");
        assertThat(CsvRows.guarded("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CsvRows.guarded("=1")).isEqualTo("'=1");
        assertThat(CsvRows.guarded("@x")).isEqualTo("'@x");
        assertThat(CsvRows.guarded("a=b-c")).isEqualTo("a=b-c");
        assertThat(CsvRows.guarded("")).isEmpty();
        assertThat(CsvRows.guarded(null)).isNull();
    }

    @Test
    void aRowReadsBackAsTheGuardedCells() throws Exception {
        StringWriter out = new StringWriter();
        CSVPrinter printer = new CSVPrinter(out, CsvRows.FORMAT);
        CsvRows.print(printer, "1", "-cmd|' /C calc'!A0", "说,\"明\"\n第二行", null, "{\"k\":\"v\"}");
        printer.flush();
        assertThat(out.toString()).endsWith("\r\n");
        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()), CsvRows.FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).toList()).containsExactly("1", "'-cmd|' /C calc'!A0", "说,\"明\"\n第二行", "",
                    "{\"k\":\"v\"}");
        }
    }
}
