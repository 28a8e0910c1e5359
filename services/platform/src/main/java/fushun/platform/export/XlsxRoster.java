package fushun.platform.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A roster as an .xlsx sheet (a header row, one row per entry, then after a blank row a footer: the
 * total and the parameters it used), written with POI's streaming workbook: rows beyond a small
 * window go to a compressed temporary file, so memory stays flat however long the roster is. Feed it
 * rows as they come from the database, then {@link #writeTo} the finished workbook and close it (which
 * deletes the temporary file). Nothing reaches the output before {@link #writeTo}, so a roster that
 * fails halfway sends no half a file. Numbers are written as numbers, everything else as text.
 * Services bring poi-ooxml themselves.
 */
public final class XlsxRoster implements Closeable {

    /** Rows kept in memory before they are flushed to the temporary file. */
    private static final int WINDOW = 200;

    private final SXSSFWorkbook workbook;
    private final Sheet sheet;
    private int next;
    private boolean inFooter;

    private XlsxRoster(String sheetName) {
        workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(sheetName);
    }

    /** A new, empty sheet named {@code sheetName}; close it when done. */
    public static XlsxRoster open(String sheetName) {
        return new XlsxRoster(sheetName);
    }

    /** Makes the response an .xlsx download named {@code fileName}; write the roster to the stream it returns. */
    public static OutputStream download(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return response.getOutputStream();
    }

    /** The header row; the first row of the sheet. */
    public XlsxRoster header(List<String> headers) {
        if (next > 0) {
            throw new IllegalStateException("the header is the first row");
        }
        return append(headers);
    }

    /** One entry of the roster. */
    public XlsxRoster row(List<?> values) {
        if (inFooter) {
            throw new IllegalStateException("no entries after the footer");
        }
        return append(values);
    }

    /** One line of the footer; the first is set off from the entries by a blank row. */
    public XlsxRoster footer(List<?> values) {
        if (!inFooter) {
            inFooter = true;
            next++;
        }
        return append(values);
    }

    /** Writes the finished workbook; the caller closes {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        try {
            workbook.dispose();
        } finally {
            workbook.close();
        }
    }

    /**
     * A short roster already in memory (a village's notice board, say), written in one go. Long
     * rosters stream through {@link #open} instead.
     */
    public static void write(OutputStream out, String sheetName, List<String> headers, List<List<Object>> rows,
                             List<List<Object>> footer) throws IOException {
        try (XlsxRoster roster = open(sheetName)) {
            roster.header(headers);
            rows.forEach(roster::row);
            footer.forEach(roster::footer);
            roster.writeTo(out);
        }
    }

    private XlsxRoster append(List<?> values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
        return this;
    }
}
