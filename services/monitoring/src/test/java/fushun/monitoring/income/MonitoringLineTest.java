package fushun.monitoring.income;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitoringLineTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // DOMAIN.md: 6,600 yuan in 2021, +10 % a year
            "2021, 6600.00",
            "2022, 7260.00",
            "2023, 7986.00",
            "2024, 8784.60",
            "2025, 9663.06",
            "2026, 10629.37"})
    void shouldGrowTheLineTenPercentAYearToTheFen(int year, String expected) {
        assertThat(MonitoringLine.after(new BigDecimal("6600"), new BigDecimal("0.10"), year - 2021))
                .isEqualByComparingTo(expected)
                .hasScaleOf(2);
    }

    private static final PolicyValue GROWTH = new PolicyValue(MonitoringLine.GROWTH_PARAMETER, "*", LocalDate.of(2021, 1, 1),
            new BigDecimal("0.10"));

    /**
     * The stored lines are 2021 to 2026 (the last stored year); the value in force at the year's end
     * is what the caller finds: none for 2020, that year's own for 2021–2026, 2026's for later years.
     */
    @ParameterizedTest(name = "{0} (stored value from {1}): {2} estimated={3} {4}")
    @CsvSource(nullValues = "-", value = {
            // before the first line: no line, the caller refuses the year
            "2020, -,    -,        -,     -",
            // the first line
            "2021, 2021, 6600.00,  false, monitoring.line[*]@2021-01-01",
            // the last stored year
            "2026, 2026, 10629.37, false, monitoring.line[*]@2026-01-01",
            // the first missing year: carried forward 10 %, marked 推算
            "2027, 2026, 11692.31, true,  monitoring.line[*]@2026-01-01→2027推算(monitoring.line.annual-growth[*]@2021-01-01)",
            "2028, 2026, 12861.54, true,  monitoring.line[*]@2026-01-01→2028推算(monitoring.line.annual-growth[*]@2021-01-01)"})
    void shouldCarryTheGrowthForwardAndMarkItEstimatedWhenTheYearHasNoStoredLine(int year, Integer storedYear, String value,
                                                                               Boolean estimated, String version) {
        PolicyValue inForce = storedYear == null ? null : new PolicyValue(MonitoringLine.PARAMETER, "*",
                LocalDate.of(storedYear, 1, 1), MonitoringLine.after(new BigDecimal("6600"), new BigDecimal("0.10"), storedYear - 2021));

        java.util.Optional<MonitoringLine.YearLine> line = MonitoringLine.forYear(year, inForce, GROWTH);

        assertThat(line.map(MonitoringLine.YearLine::value).orElse(null)).isEqualTo(value == null ? null : new BigDecimal(value));
        assertThat(line.map(MonitoringLine.YearLine::estimated).orElse(null)).isEqualTo(estimated);
        assertThat(line.map(MonitoringLine.YearLine::version).orElse(null)).isEqualTo(version);
        assertThat(line.map(MonitoringLine.YearLine::describe).orElse(""))
                .contains(Boolean.TRUE.equals(estimated) ? "（推算）" : "");
    }

    @Test
    void shouldNameTheBasisAndTheGrowthWhenEstimated() {
        PolicyValue stored = new PolicyValue(MonitoringLine.PARAMETER, "*", LocalDate.of(2026, 1, 1), new BigDecimal("10629.37"));

        assertThat(MonitoringLine.forYear(2027, stored, GROWTH).orElseThrow().note())
                .isEqualTo("（2027年监测线尚未设定，按2026年监测线 10629.37 元逐年增长 10% 推算）");
        assertThat(MonitoringLine.forYear(2026, stored, GROWTH).orElseThrow().note()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "10000.00, 3, 3333.33",
            "20000.05, 2, 10000.03",
            "0.00, 1, 0.00",
            "15000.00, 4, 3750.00"})
    void shouldDividePerCapitaToTheFenHalfUp(String total, int members, String perCapita) {
        IncomeStatement statement = new IncomeStatement(2026, Map.of(IncomeComponent.WAGES, new BigDecimal(total)), members);

        assertThat(statement.perCapita()).isEqualByComparingTo(perCapita);
    }

    @Test
    void shouldAddAllComponentsIncludingNegativeBusinessIncome() {
        Map<IncomeComponent, BigDecimal> components = new EnumMap<>(IncomeComponent.class);
        components.put(IncomeComponent.WAGES, new BigDecimal("12000.00"));
        components.put(IncomeComponent.BUSINESS, new BigDecimal("-1500.50"));
        components.put(IncomeComponent.BASIC_PENSION, new BigDecimal("1428.00"));

        IncomeStatement statement = new IncomeStatement(2026, components, 2);

        assertThat(statement.total()).isEqualByComparingTo("11927.50");
        assertThat(statement.perCapita()).isEqualByComparingTo("5963.75");
    }
}
