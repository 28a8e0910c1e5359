package fushun.console.report.internal;

import fushun.console.report.ReportFigures;
import fushun.console.report.ReportTables;
import fushun.console.report.ReportTables.Table;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The report's first page as a PNG, drawn from the report's own layout with Java 2D (no browser,
 * no office suite): title, summary, the first table and the first chart, on an A4 page.
 */
public final class FirstPage {

    public static final int WIDTH = 794;
    public static final int HEIGHT = 1123;
    private static final int MARGIN = 72;

    private FirstPage() {
    }

    public static byte[] png(ReportDocuments.Content c) {
        ReportFigures f = c.figures();
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            int y = MARGIN + 10;
            g.setFont(ChartFont.of(Font.BOLD, 20f));
            y = centered(g, text(ReportDocuments.title(f), f.scope() + " " + f.year() + " annual report"), y);
            g.setFont(ChartFont.of(Font.PLAIN, 11f));
            y = centered(g, text("统计截至 " + f.cutoff() + "（" + c.status() + "）", "as of " + f.cutoff()), y + 8);
            g.setFont(ChartFont.of(Font.BOLD, 15f));
            g.drawString(text("一、基本情况", "1. Overview"), MARGIN, y + 30);
            y += 40;
            g.setFont(ChartFont.of(Font.PLAIN, 12f));
            y = wrapped(g, text("截至 " + f.cutoff() + "，" + f.scopeName() + "在监测的监测对象 " + f.monitoredAtCutoff()
                    + " 户；本年度新识别监测对象 " + f.newlyIdentified() + " 户，风险消除 " + f.eliminated() + " 户，撤销风险消除 "
                    + f.rolledBack() + " 户；发出风险预警 " + f.alerts() + " 条。", "monitored " + f.monitoredAtCutoff() + ", new "
                    + f.newlyIdentified() + ", eliminated " + f.eliminated() + ", rolled back " + f.rolledBack() + ", alerts " + f.alerts()), y + 6);
            Table first = ReportDocuments.numbered(c).get(0);
            y = table(g, first, y + 16);
            byte[] chart = Charts.alertsPerMonth(f).png();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart));
            int w = WIDTH - 2 * MARGIN;
            int h = image.getHeight() * w / image.getWidth();
            if (y + 20 + h < HEIGHT - MARGIN) {
                g.drawImage(image, MARGIN, y + 20, w, h, null);
            }
            g.setFont(ChartFont.of(Font.PLAIN, 9f));
            g.setColor(Color.GRAY);
            g.drawString(text("第 1 页", "page 1"), WIDTH / 2 - 20, HEIGHT - 40);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(page, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            g.dispose();
        }
    }

    private static String text(String chinese, String plain) {
        return ChartFont.chinese() ? chinese : plain;
    }

    private static int centered(Graphics2D g, String s, int y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(s, (WIDTH - m.stringWidth(s)) / 2, y + m.getAscent());
        return y + m.getHeight();
    }

    private static int wrapped(Graphics2D g, String s, int y) {
        FontMetrics m = g.getFontMetrics();
        int width = WIDTH - 2 * MARGIN;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            line.append(s.charAt(i));
            if (m.stringWidth(line.toString()) > width) {
                line.setLength(line.length() - 1);
                g.drawString(line.toString(), MARGIN, y + m.getAscent());
                y += m.getHeight() + 4;
                line.setLength(0);
                line.append(s.charAt(i));
            }
        }
        g.drawString(line.toString(), MARGIN, y + m.getAscent());
        return y + m.getHeight() + 4;
    }

    private static int table(Graphics2D g, Table t, int y) {
        g.setFont(ChartFont.of(Font.BOLD, 12f));
        g.drawString(text(t.title(), "Table 1"), MARGIN, y + 14);
        y += 22;
        int cols = t.headers().size();
        int colWidth = (WIDTH - 2 * MARGIN) / cols;
        int rowHeight = 22;
        List<List<Object>> rows = t.rows().size() > 8 ? t.rows().subList(0, 8) : t.rows();
        g.setStroke(new BasicStroke(1f));
        for (int r = -1; r < rows.size(); r++) {
            g.setFont(ChartFont.of(r < 0 ? Font.BOLD : Font.PLAIN, 11f));
            for (int col = 0; col < cols; col++) {
                int x = MARGIN + col * colWidth;
                g.drawRect(x, y, colWidth, rowHeight);
                String cell = r < 0 ? t.headers().get(col) : ReportTables.text(rows.get(r).get(col));
                g.drawString(ChartFont.chinese() || cell.chars().allMatch(ch -> ch < 128) ? cell : "-", x + 6, y + 15);
            }
            y += rowHeight;
        }
        return y;
    }
}
