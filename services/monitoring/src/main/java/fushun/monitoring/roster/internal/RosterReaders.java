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
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

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
            InlineStrings inline = new InlineStrings(parser, strings);
            inline.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), inline, new RowCollector(rows), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                inline.parse(new InputSource(sheet));
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
            int column = column(reference);
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** The column of a plain reference such as {@code C12} (0 for A); anything else as POI reads it. */
    static int column(String reference) {
        int column = 0;
        int i = 0;
        while (reference != null && i < reference.length() && reference.charAt(i) >= 'A' && reference.charAt(i) <= 'Z'
                && i < 3) {
            column = column * 26 + (reference.charAt(i) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == reference.length() || !Character.isDigit(reference.charAt(i))) {
            return new CellReference(reference).getCol();
        }
        return column - 1;
    }

    /**
     * Hands a sheet's inline-string cells ({@code <c t="inlineStr"><is><t>…</t></is></c>}, as
     * streaming writers store text) to POI's handler as shared-string cells whose string this table
     * answers, so the handler does not build a rich-text object per cell (that was half of a large
     * roster's parsing time). The text is the same: every {@code <t>} inside {@code <is>}, joined, with
     * Excel's {@code _xHHHH_} escapes decoded as POI decodes them. Shared strings are the file's own.
     */
    static final class InlineStrings extends XMLFilterImpl implements SharedStrings {
        /** The shared-string index that stands for the current inline string (no real index is negative). */
        private static final String INLINE = "-1";

        private final SharedStrings shared;
        private final StringBuilder text = new StringBuilder();
        private boolean inlineCell;
        private boolean inIs;
        private boolean inT;
        private String current = "";

        InlineStrings(XMLReader parent, SharedStrings shared) {
            super(parent);
            this.shared = shared;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName) && "inlineStr".equals(atts.getValue("t"))) {
                AttributesImpl renamed = new AttributesImpl(atts);
                renamed.setValue(renamed.getIndex("t"), "s");
                inlineCell = true;
                text.setLength(0);
                super.startElement(uri, localName, qName, renamed);
                return;
            }
            if (inlineCell) {
                if ("is".equals(localName)) {
                    inIs = true;
                } else if ("t".equals(localName) && inIs) {
                    inT = true;
                }
                return; // the handler sees the cell's value only
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inlineCell) {
                if (inT) {
                    text.append(ch, start, length);
                }
                return;
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (inlineCell) {
                if ("c".equals(localName)) {
                    inlineCell = false;
                    inIs = false;
                    inT = false;
                    String value = text.toString();
                    current = value.contains("_x") ? new XSSFRichTextString(value).toString() : value;
                    String prefix = qName.endsWith(":c") ? qName.substring(0, qName.length() - 1) : "";
                    super.startElement(uri, "v", prefix + "v", new AttributesImpl());
                    super.characters(INLINE.toCharArray(), 0, INLINE.length());
                    super.endElement(uri, "v", prefix + "v");
                    super.endElement(uri, localName, qName);
                } else if ("is".equals(localName)) {
                    inIs = false;
                } else if ("t".equals(localName)) {
                    inT = false;
                }
                return;
            }
            super.endElement(uri, localName, qName);
        }

        @Override
        public RichTextString getItemAt(int idx) {
            return idx < 0 ? new PlainText(current) : shared.getItemAt(idx);
        }

        @Override
        public int getCount() {
            return shared.getCount();
        }

        @Override
        public int getUniqueCount() {
            return shared.getUniqueCount();
        }
    }

    /** A cell's text, for a handler that only asks for it. */
    private record PlainText(String text) implements RichTextString {
        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException();
        }
    }
}
