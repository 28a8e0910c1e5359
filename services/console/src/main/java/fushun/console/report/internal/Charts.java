package fushun.console.report.internal;

import fushun.console.report.ReportFigures;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts as PNG images, drawn on the server (headless AWT, JFreeChart). Labels are
 * Chinese when a CJK font is installed ({@link ChartFont}), otherwise codes and numbers.
 */
public final class Charts {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 320;

    private Charts() {
    }

    /** A chart: its caption in the document and the image. */
    public record Chart(String caption, byte[] png) {
    }

    public static Chart alertsPerMonth(ReportFigures f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        f.alertsByMonth().forEach(m -> data.addValue(m.count(), label("预警数", "alerts"), m.key().substring(5)));
        JFreeChart chart = ChartFactory.createBarChart(label(f.year() + "年每月新增风险预警", f.year() + " alerts per month"),
                label("月份", "month"), label("预警数", "alerts"), data, PlotOrientation.VERTICAL, false, false, false);
        return new Chart("图1 每月新增风险预警", png(chart));
    }

    public static Chart alertsByRisk(ReportFigures f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        f.alertsByRisk().stream().filter(r -> r.count() > 0)
                .forEach(r -> data.addValue(r.count(), label("预警数", "alerts"), label(r.label(), r.key())));
        JFreeChart chart = ChartFactory.createBarChart(label("风险预警（按风险类型）", "alerts by risk type"), null,
                label("预警数", "alerts"), data, PlotOrientation.HORIZONTAL, false, false, false);
        return new Chart("图2 风险预警（按风险类型）", png(chart));
    }

    public static Chart assignments(ReportFigures f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        f.assignments().forEach(a -> {
            String bureau = label(a.label(), a.bureau());
            data.addValue(a.onTime(), label("按时办结", "on time"), bureau);
            data.addValue(a.late(), label("逾期办结", "late"), bureau);
            data.addValue(a.overdue(), label("逾期未办结", "overdue"), bureau);
            data.addValue(a.open(), label("办理中", "open"), bureau);
        });
        JFreeChart chart = ChartFactory.createStackedBarChart(label("帮扶任务办理（按部门）", "assignments per bureau"), null,
                label("任务数", "assignments"), data, PlotOrientation.VERTICAL, true, false, false);
        return new Chart("图3 帮扶任务办理（按部门）", png(chart));
    }

    private static String label(String chinese, String plain) {
        return ChartFont.chinese() ? chinese : plain;
    }

    private static byte[] png(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(ChartFont.of(Font.BOLD, 16f));
        theme.setLargeFont(ChartFont.of(Font.PLAIN, 13f));
        theme.setRegularFont(ChartFont.of(Font.PLAIN, 11f));
        theme.setSmallFont(ChartFont.of(Font.PLAIN, 10f));
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            // counts of alerts and assignments: whole numbers on the axis
            if (plot.getRangeAxis() instanceof NumberAxis axis) {
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setSeriesPaint(0, new Color(0x2F6FB3));
                bars.setSeriesPaint(1, new Color(0xE0A030));
                bars.setSeriesPaint(2, new Color(0xC0392B));
                bars.setSeriesPaint(3, new Color(0x95A5A6));
            }
        }
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
