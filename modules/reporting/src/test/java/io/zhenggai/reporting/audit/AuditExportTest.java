package io.zhenggai.reporting.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTest {

    @Test
    void quotesCellsWithSeparatorsQuotesAndLineBreaks() {
        assertThat(AuditExport.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.csvCell("说\"明\"")).isEqualTo("\"说\"\"明\"\"\"");
        assertThat(AuditExport.csvCell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(AuditExport.csvCell("plain")).isEqualTo("plain");
        assertThat(AuditExport.csvCell(null)).isEmpty();
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
        assertThat(AuditExport.csvCell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(AuditExport.csvCell("@cmd")).isEqualTo("'@cmd");
    }
}
