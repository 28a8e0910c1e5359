package fushun.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The harness's one table: a row per piece of work with what it measured, the target and whether
 * the target is met ("yes", "no", or "-" where there is no target or nothing was measured), plus
 * the run's context lines (date, machine, JVM flags). Printed aligned; written as CSV.
 */
public final class ResultTable {

    /** One piece of work. {@code met} is null when there is nothing to compare. */
    public record Row(String work, String measured, String target, Boolean met) {

        String metText() {
            return met == null ? "-" : met ? "yes" : "no";
        }
    }

    private final List<String> context = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    public ResultTable context(String line) {
        context.add(line);
        return this;
    }

    public ResultTable add(String work, String measured, String target, Boolean met) {
        rows.add(new Row(work, measured, target, met));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table with its context lines above it, columns padded to their widest cell (by display width). */
    public String text() {
        String[] head = {"work", "measured", "target", "met?"};
        int[] widths = new int[4];
        for (int c = 0; c < 4; c++) {
            widths[c] = width(head[c]);
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int c = 0; c < 4; c++) {
                widths[c] = Math.max(widths[c], width(cells[c]));
            }
        }
        StringBuilder out = new StringBuilder();
        context.forEach(line -> out.append(line).append('\n'));
        line(out, head, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < 4; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (Row row : rows) {
            line(out, cells(row), widths);
        }
        return out.toString();
    }

    /** RFC 4180 CSV: the context as {@code #} lines first, then a header and a line per row. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        context.forEach(line -> out.append("# ").append(line.replace('\n', ' ')).append('\n'));
        out.append("work,measured,target,met\n");
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int c = 0; c < 4; c++) {
                out.append(c == 0 ? "" : ",").append(quoted(cells[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String[] cells(Row row) {
        return new String[] {row.work(), row.measured(), row.target(), row.metText()};
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append(" | ");
            }
            out.append(cells[c]);
            if (c < cells.length - 1) {
                out.append(" ".repeat(widths[c] - width(cells[c])));
            }
        }
        out.append('\n');
    }

    static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /** Display width in a terminal: CJK characters take two columns. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
