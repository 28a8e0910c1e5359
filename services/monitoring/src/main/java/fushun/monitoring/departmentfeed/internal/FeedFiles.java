package fushun.monitoring.departmentfeed.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams every non-blank row of the first sheet of an .xlsx (POI's SAX event API) or of a UTF-8
 * .csv, the header included, cells as text. Nothing holds more than one row.
 */
public final class FeedFiles {

    /** A row as read; {@code number} counts from 1 with the header as row 1, as a spreadsheet shows it. */
    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
        }
    }

    private FeedFiles() {
    }

    /** {@code format}: {@code xlsx} or {@code csv}; an unreadable file is an {@link IOException}. */
    public static void read(Path file, String format, Consumer<Row> rows) throws IOException {
        if ("xlsx".equals(format)) {
            readXlsx(file, rows);
        } else {
            readCsv(file, rows);
        }
    }

    private static void readCsv(Path file, Consumer<Row> rows) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                rows.accept(new Row((int) record.getRecordNumber(), record.toList()));
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("不是有效的 .csv 文件", e);
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    private static void readXlsx(Path file, Consumer<Row> rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new Collector(rows), false));
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IOException("不是有效的 .xlsx 文件");
            }
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.openxml4j.exceptions.InvalidOperationException | org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.UnsupportedFileFormatException e) {
            // POI reports some damaged packages as runtime exceptions: still the upload's fault
            throw new IOException("不是有效的 .xlsx 文件", e);
        }
    }

    /** Collects one row's cells (in column order, gaps as empty) and hands non-blank rows on. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<Row> rows;
        private final List<String> cells = new ArrayList<>();
        private int number;

        Collector(Consumer<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowIndex) {
            cells.clear();
            number = rowIndex + 1;
        }

        @Override
        public void endRow(int rowIndex) {
            if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                rows.accept(new Row(number, List.copyOf(cells)));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }
}
