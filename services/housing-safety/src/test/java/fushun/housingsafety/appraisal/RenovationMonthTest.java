package fushun.housingsafety.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.feed.MonthlyTotals;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenovationMonthTest {

    @ParameterizedTest(name = "started {0} ({1} yuan), completed {2} ({3} yuan) -> {4}")
    @CsvSource({
            // started households | subsidies | completed households | subsidies | lines
            "0, 0,        0, 0,        ''",
            "2, 45000.00, 0, 0,        RENOVATION_STARTED:危房改造开工:2:45000.00",
            "0, 0,        1, 10000.00, RENOVATION_COMPLETED:危房改造竣工:1:10000.00",
            "1, 35000.00, 3, 80000.00, RENOVATION_STARTED:危房改造开工:1:35000.00 RENOVATION_COMPLETED:危房改造竣工:3:80000.00"})
    void shouldListOnlyTheStepsTakenInTheMonthWithTheirHouseholdsAndSubsidies(long started, BigDecimal startedSubsidies,
                                                                            long completed, BigDecimal completedSubsidies,
                                                                            String lines) {
        List<MonthlyTotals.Item> items = RenovationMonth.items(
                new RenovationMonth.Counts(started, startedSubsidies, completed, completedSubsidies));

        assertThat(items).allSatisfy(item -> assertThat(item.persons()).isZero());
        assertThat(String.join(" ", items.stream()
                .map(i -> i.code() + ":" + i.label() + ":" + i.households() + ":" + i.amount().toPlainString()).toList()))
                .isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"210423, 2025-07, 210423/2025-07/HOUSING", "210422, 2026-12, 210422/2026-12/HOUSING"})
    void shouldKeyTheRecordByCountyMonthAndBureau(String county, YearMonth month, String key) {
        assertThat(RenovationMonth.key(county, month)).isEqualTo(key);
    }
}
