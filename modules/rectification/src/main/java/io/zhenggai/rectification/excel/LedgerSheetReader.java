package io.zhenggai.rectification.excel;

import io.zhenggai.platform.domain.RuleViolationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the first sheet of an XLSX file as text, streaming (POI's event API: the sheet's XML is parsed with SAX,
 * row by row, never loaded as a whole): each cell's displayed value, a date cell as {@code yyyy-MM-dd}, a formula
 * cell as its cached value (never evaluated). Stops with a refusal past {@code maxRows} rows. Anything that is not an
 * XLSX workbook (an old .xls, a CSV, a Word file, garbage) is refused with a message saying so.
 */
public final class LedgerSheetReader {

    /** A row of the sheet: its number as Excel shows it (1-based) and its cells by column index (0 = A). */
    public record SheetRow(int number, Map<Integer, String> cells) {
        public String cell(Integer column) {
            if (column == null) {
                return null;
            }
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean blank() {
            return cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }
    }

    private LedgerSheetReader() {
    }

    private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

    public static List<SheetRow> read(byte[] file, int maxRows) {
        if (file.length >= 4 && Arrays.equals(Arrays.copyOf(file, 4), OLE2)) {
            throw RuleViolationException.invalid("IMPORT_NOT_XLSX",
                    "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 格式后再导入");
        }
        if (file.length < 4 || !Arrays.equals(Arrays.copyOf(file, 4), ZIP)) {
            throw notXlsx();
        }
        List<SheetRow> rows = new ArrayList<>();
        java.nio.file.Path temp = null;
        try {
            // opened from a file, a package is read entry by entry (from memory, POI would inflate every entry at once)
            temp = java.nio.file.Files.createTempFile("zhenggai-import-", ".xlsx");
            java.nio.file.Files.write(temp, file);
            requireInflatedSize(temp);
        } catch (java.io.IOException e) {
            deleteQuietly(temp);
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        try (OPCPackage pkg = OPCPackage.open(temp.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw notXlsx();
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(rows, maxRows),
                        new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (RuleViolationException e) {
            throw e;
        } catch (TooManyRows e) {
            throw RuleViolationException.invalid("IMPORT_TOO_MANY_ROWS", "表格超过" + maxRows + "行，请分批导入");
        } catch (Exception | NoClassDefFoundError e) {
            throw notXlsx();
        } finally {
            deleteQuietly(temp);
        }
        return rows;
    }

    /** Most bytes the entries of a workbook may inflate to (the declared sizes; POI checks the real inflation ratio). */
    static final long MAX_INFLATED = 200L * 1024 * 1024;

    private static void requireInflatedSize(java.nio.file.Path zip) {
        long total = 0;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var entries = z.entries(); entries.hasMoreElements(); ) {
                long size = entries.nextElement().getSize();
                total += Math.max(size, 0);
                if (size < 0 || total > MAX_INFLATED) {
                    throw RuleViolationException.invalid("IMPORT_TOO_LARGE", "工作簿解压后过大，请分批导入");
                }
            }
        } catch (java.io.IOException e) {
            throw notXlsx();
        }
    }

    private static void deleteQuietly(java.nio.file.Path path) {
        if (path != null) {
            try {
                java.nio.file.Files.deleteIfExists(path);
            } catch (java.io.IOException ignored) {
                // a temporary file left behind is removed with the temp directory
            }
        }
    }

    private static RuleViolationException notXlsx() {
        return RuleViolationException.invalid("IMPORT_NOT_XLSX", "上传的文件不是 Excel 工作簿（.xlsx），无法读取");
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static final class Collector implements SheetContentsHandler {
        private final List<SheetRow> rows;
        private final int maxRows;
        private Map<Integer, String> cells;
        private int number;

        Collector(List<SheetRow> rows, int maxRows) {
            this.rows = rows;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= maxRows) {
                throw new TooManyRows();
            }
            number = rowNum + 1;
            cells = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            SheetRow row = new SheetRow(number, cells);
            if (!row.blank()) {
                rows.add(row);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (reference != null && formattedValue != null) {
                cells.put((int) new CellReference(reference).getCol(), formattedValue);
            }
        }
    }

    /** Shows a date cell as yyyy-MM-dd whatever its format, so that the import reads every date the same way. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
                LocalDate day = at.toLocalDate();
                return day.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
