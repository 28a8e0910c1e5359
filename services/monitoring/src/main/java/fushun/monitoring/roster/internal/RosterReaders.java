package fushun.monitoring.roster.internal;

import fushun.monitoring.roster.RosterRow;
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

/** Streams the data rows (after the header) of the first sheet of an .xlsx, or of a UTF-8 .csv. */
public final class RosterReaders {

    private RosterReaders() {
    }

    public static void read(Path file, String format, Consumer<RosterRow> rows) throws IOException {
        if ("xlsx".equals(format)) {
            readXlsx(file, rows);
        } else {
            readCsv(file, rows);
        }
    }

    private static void readCsv(Path file, Consumer<RosterRow> rows) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    header = false;
                    continue;
                }
                rows.accept(new RosterRow((int) record.getRecordNumber(), record.toList()));
            }
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    private static void readXlsx(Path file, Consumer<RosterRow> rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new RowCollector(rows), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("不是有效的 .xlsx 文件", e);
        }
    }

    /** Collects one row's cells (in column order, gaps as empty) and hands data rows on. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<RosterRow> rows;
        private final List<String> cells = new ArrayList<>();
        private int rowNumber;

        RowCollector(Consumer<RosterRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowIndex) {
            cells.clear();
            rowNumber = rowIndex + 1;
        }

        @Override
        public void endRow(int rowIndex) {
            if (rowIndex > 0 && cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                rows.accept(new RosterRow(rowNumber, List.copyOf(cells)));
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
