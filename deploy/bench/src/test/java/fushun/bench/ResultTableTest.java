package fushun.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private final ResultTable table = new ResultTable().context("City benchmark, 2026-12-02")
            .add("1. settlements", "8,355 rows/s", ">= 10,000 rows/s", false)
            .add("2. ratio, \"raw\"", "0.210 (raw 39,800 records/s)", ">= 0.15", true)
            .add("   of which 民政", "p50 12 ms", "", null);

    @Test
    void shouldAlignTheColumnsWhenPrinting() {
        List<String> lines = table.text().lines().toList();

        assertThat(lines.get(0)).isEqualTo("City benchmark, 2026-12-02");
        assertThat(lines.get(1)).startsWith("work").contains("| measured").contains("| target").endsWith("| met?");
        int bar = lines.get(1).indexOf('|');
        for (String line : List.of(lines.get(3), lines.get(4))) {
            assertThat(line.indexOf('|')).isEqualTo(bar);
        }
        // 民政 takes four columns in a terminal: the bar sits where the others' does, by display width
        assertThat(ResultTable.width(lines.get(5).substring(0, lines.get(5).indexOf('|')))).isEqualTo(bar);
        assertThat(lines.get(3)).endsWith("| no");
        assertThat(lines.get(4)).endsWith("| yes");
        assertThat(lines.get(5)).endsWith("| -");
    }

    @Test
    void shouldQuoteCellsWithCommasAndQuotesWhenWritingCsv() {
        List<String> lines = table.csv().lines().toList();

        assertThat(lines).containsExactly(
                "# City benchmark, 2026-12-02",
                "work,measured,target,met",
                "1. settlements,\"8,355 rows/s\",\">= 10,000 rows/s\",no",
                "\"2. ratio, \"\"raw\"\"\",\"0.210 (raw 39,800 records/s)\",>= 0.15,yes",
                "   of which 民政,p50 12 ms,,-");
    }
}
