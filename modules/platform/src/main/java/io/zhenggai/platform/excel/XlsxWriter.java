package io.zhenggai.platform.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes XLSX workbooks the one safe way (every export of the system goes through here): rows are streamed
 * (POI's {@link SXSSFWorkbook}, a window of rows in memory), text is always a string cell, never a formula, and a
 * text that a spreadsheet would take for a formula when a person edits the cell — it starts with {@code = + - @},
 * a tab or a carriage return — is also marked quote-prefixed ({@code '}), so it stays text there too (no formula
 * injection). Numbers are numeric cells, dates are date cells ({@code yyyy-mm-dd}).
 */
public final class XlsxWriter implements AutoCloseable {

    /** MIME type of an XLSX workbook. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle text;
    private final CellStyle quoted;
    private final CellStyle date;
    private final CellStyle header;
    private final CellStyle title;
    private SXSSFSheet sheet;
    private int rowIndex;

    public XlsxWriter() {
        text = workbook.createCellStyle();
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        quoted = workbook.createCellStyle();
        quoted.cloneStyleFrom(text);
        quoted.setQuotePrefixed(true);
        date = workbook.createCellStyle();
        date.cloneStyleFrom(text);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        header = workbook.createCellStyle();
        header.cloneStyleFrom(text);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setBorderBottom(BorderStyle.THIN);
        title = workbook.createCellStyle();
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title.setFont(big);
    }

    /** Starts a sheet (names are made safe for Excel: at most 31 characters, none of {@code : \ / ? * [ ]}). */
    public XlsxWriter sheet(String name) {
        String safe = name.replaceAll("[:\\\\/?*\\[\\]]", "_");
        sheet = workbook.createSheet(safe.length() > 31 ? safe.substring(0, 31) : safe);
        rowIndex = 0;
        return this;
    }

    /** Sets column widths in characters, from the first column on. */
    public XlsxWriter widths(int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, characters[i]) * 256);
        }
        return this;
    }

    /** A title line in large bold type. */
    public XlsxWriter title(String value) {
        Row row = sheet.createRow(rowIndex++);
        put(row.createCell(0), value, title);
        return this;
    }

    /** A line of the header block: a label and its value (e.g. 单位 / 区委统战部). */
    public XlsxWriter info(String label, Object value) {
        Row row = sheet.createRow(rowIndex++);
        put(row.createCell(0), label, header);
        write(row.createCell(1), value);
        return this;
    }

    public XlsxWriter blank() {
        rowIndex++;
        return this;
    }

    /** The column headers of a table, in bold. */
    public XlsxWriter header(List<String> names) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < names.size(); i++) {
            put(row.createCell(i), names.get(i), header);
        }
        sheet.createFreezePane(0, rowIndex);
        return this;
    }

    /** One row of values: null leaves a cell empty; text, numbers and dates as said above. */
    public XlsxWriter row(List<?> values) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                write(row.createCell(i), values.get(i));
            }
        }
        return this;
    }

    private void write(Cell cell, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(text);
        } else if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(text);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else {
            put(cell, value.toString(), text);
        }
    }

    private void put(Cell cell, String value, CellStyle style) {
        cell.setCellValue(value); // a string cell: POI never makes a formula of it
        cell.setCellStyle(looksLikeFormula(value) ? quoted : style);
    }

    /** Whether a spreadsheet would read this text as a formula when typed in: it starts with = + - @, tab or CR. */
    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Writes the workbook and frees its temporary files. */
    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /**
     * Answers a finished workbook as a download ({@code Content-Disposition: attachment}, UTF-8 file name), whatever the
     * request's Accept header says; built whole before the first byte, so a failure before it is still a problem detail.
     */
    public static void download(jakarta.servlet.http.HttpServletResponse response, String fileName, byte[] bytes)
            throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The sheet being written (for tests and special layouts). */
    public Sheet current() {
        return sheet;
    }

    @Override
    public void close() throws IOException {
        workbook.close(); // also deletes the temporary files of the streamed rows (POI 5)
    }
}
