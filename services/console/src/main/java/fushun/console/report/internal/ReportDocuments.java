package fushun.console.report.internal;

import fushun.console.report.ReportFigures;
import fushun.console.report.ReportTables;
import fushun.console.report.ReportTables.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Writes the report as .docx (sections, tables, charts, the approver's narrative) and its .xlsx
 * annex (one sheet per table, titled as in the document). Both from the same {@link Table}s.
 */
public final class ReportDocuments {

    /** What goes into one document: the figures, any extra tables (the city's), and the narrative. */
    public record Content(ReportFigures figures, List<Table> extraTables, String problems, String nextYear,
                          String status) {
    }

    private static final String FONT = "宋体";

    private ReportDocuments() {
    }

    public static String title(ReportFigures f) {
        return f.scopeName() + f.year() + "年度防止返贫动态监测和帮扶工作总结报告";
    }

    /** Every table in document order, each with its number: 表1 … */
    public static List<Table> numbered(Content c) {
        List<Table> all = new ArrayList<>(c.extraTables());
        all.addAll(ReportTables.of(c.figures()));
        List<Table> numbered = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Table t = all.get(i);
            numbered.add(new Table("表" + (i + 1) + " " + t.title(), t.headers(), t.rows()));
        }
        return numbered;
    }

    public static byte[] docx(Content c) {
        ReportFigures f = c.figures();
        List<Table> tables = numbered(c);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, title(f), 18, true);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            run(sub, "统计截至 " + f.cutoff() + "（" + c.status() + "）；数据来源：平台各部门发布的事件", 10, false);

            heading(doc, "一、基本情况");
            paragraph(doc, "截至 " + f.cutoff() + "，" + f.scopeName() + "在监测的监测对象 " + f.monitoredAtCutoff() + " 户；本年度新识别监测对象 "
                    + f.newlyIdentified() + " 户，风险消除 " + f.eliminated() + " 户，撤销风险消除 " + f.rolledBack()
                    + " 户；发出风险预警 " + f.alerts() + " 条。");
            int next = 0;
            int extra = c.extraTables().size();
            for (; next < extra; next++) {
                table(doc, tables.get(next));
            }
            // the basic situation: every table up to the alerts' (categories, changes, channels, the procedure's)
            while (!tables.get(next).title().endsWith(" " + ReportTables.ALERTS_BY_RISK)) {
                table(doc, tables.get(next++));
            }
            heading(doc, "二、风险预警");
            table(doc, tables.get(next++));
            picture(doc, Charts.alertsByRisk(f));
            table(doc, tables.get(next++));
            picture(doc, Charts.alertsPerMonth(f));
            heading(doc, "三、帮扶任务与帮扶措施");
            table(doc, tables.get(next++));
            picture(doc, Charts.assignments(f));
            for (int i = 0; i < 4; i++) {
                table(doc, tables.get(next++));
            }
            heading(doc, "四、仍有风险的监测户");
            paragraph(doc, "姓名已脱敏，不含身份证号和电话。");
            table(doc, tables.get(next++));
            heading(doc, "五、数据报送与参数依据");
            while (next < tables.size()) {
                table(doc, tables.get(next++));
            }
            heading(doc, "六、问题与不足");
            narrative(doc, c.problems());
            heading(doc, "七、下一年度工作措施");
            narrative(doc, c.nextYear());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("the report could not be written", e);
        }
    }

    public static byte[] xlsx(Content c) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table t : numbered(c)) {
                Sheet sheet = book.createSheet(t.title().substring(0, t.title().indexOf(' ')));
                sheet.createRow(0).createCell(0).setCellValue(t.title());
                sheet.getRow(0).getCell(0).setCellStyle(bold);
                Row header = sheet.createRow(1);
                for (int i = 0; i < t.headers().size(); i++) {
                    header.createCell(i).setCellValue(t.headers().get(i));
                    header.getCell(i).setCellStyle(bold);
                }
                int r = 2;
                for (List<Object> cells : t.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < cells.size(); i++) {
                        Object cell = cells.get(i);
                        if (cell instanceof Long l) {
                            row.createCell(i).setCellValue(l);
                        } else if (cell instanceof BigDecimal b) {
                            row.createCell(i).setCellValue(b.doubleValue());
                        } else {
                            row.createCell(i).setCellValue(ReportTables.text(cell));
                        }
                    }
                }
                for (int i = 0; i < t.headers().size(); i++) {
                    sheet.setColumnWidth(i, 18 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        run(p, text, 14, true);
    }

    private static void paragraph(XWPFDocument doc, String text) {
        run(doc.createParagraph(), text, 11, false);
    }

    private static void narrative(XWPFDocument doc, String text) {
        if (text == null || text.isBlank()) {
            paragraph(doc, "（待县级填写）");
            return;
        }
        for (String line : text.split("\\R")) {
            paragraph(doc, line);
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setSpacingBefore(120);
        run(caption, t.title(), 11, true);
        XWPFTable table = doc.createTable(1 + Math.max(t.rows().size(), 0), t.headers().size());
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        for (int i = 0; i < t.headers().size(); i++) {
            cell(header, i, t.headers().get(i), true);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<Object> cells = t.rows().get(r);
            for (int i = 0; i < cells.size(); i++) {
                cell(table.getRow(r + 1), i, ReportTables.text(cells.get(i)), false);
            }
        }
    }

    private static void cell(XWPFTableRow row, int i, String text, boolean bold) {
        XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
        run(p, text, 10, bold);
    }

    private static void picture(XWPFDocument doc, Charts.Chart chart)
            throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().addPicture(new ByteArrayInputStream(chart.png()), PictureType.PNG, chart.caption() + ".png",
                Units.toEMU(Charts.WIDTH * 0.7), Units.toEMU(Charts.HEIGHT * 0.7));
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        run(caption, chart.caption(), 10, false);
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
    }
}
