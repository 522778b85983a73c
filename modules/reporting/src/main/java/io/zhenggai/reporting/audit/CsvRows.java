package io.zhenggai.reporting.audit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.Arrays;

/**
 * RFC 4180 CSV through Commons CSV, with a formula guard: a cell that a spreadsheet would run as a formula (it
 * begins with {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe, so it shows as text.
 */
final class CsvRows {

    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvRows() {
    }

    /** The cell as a spreadsheet may safely read it; null stays null (an empty cell). */
    static String guarded(String value) {
        return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** One record, every cell guarded. */
    static void print(CSVPrinter out, String... cells) throws IOException {
        out.printRecord(Arrays.stream(cells).map(CsvRows::guarded));
    }

    /** One cell as it stands in a row (not the first): guarded, quoted where RFC 4180 needs it, null as nothing. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return FORMAT.format(guarded(value));
    }
}
