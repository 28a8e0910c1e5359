package fushun.monitoring.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
