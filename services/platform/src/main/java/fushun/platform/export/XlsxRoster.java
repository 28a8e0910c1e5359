package fushun.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A roster as an .xlsx sheet (a header row, one row per entry, then a total and the parameters it
 * used), written with POI's streaming workbook so memory stays flat however long the roster is.
 * Numbers are written as numbers, everything else as text. Services bring poi-ooxml themselves.
 */
public final class XlsxRoster {

    private XlsxRoster() {
    }

    /** Makes the response an .xlsx download named {@code fileName}; write the roster to the stream it returns. */
    public static OutputStream download(jakarta.servlet.http.HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return response.getOutputStream();
    }

    public static void write(OutputStream out, String sheetName, List<String> headers, List<List<Object>> rows,
                             List<List<Object>> footer) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            int r = 0;
            r = row(sheet, r, List.copyOf(headers));
            for (List<Object> values : rows) {
                r = row(sheet, r, values);
            }
            r++;
            for (List<Object> values : footer) {
                r = row(sheet, r, values);
            }
            workbook.write(out);
        }
    }

    private static int row(Sheet sheet, int index, List<?> values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
        return index + 1;
    }
}
