package fushun.employment.totals;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.feed.MonthlyTotals;
import fushun.employment.pension.PensionPremiums;
import fushun.employment.posts.PostPayroll;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmploymentMonthTest {

    @ParameterizedTest(name = "posts {0}/{1}/{2}, premiums {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // post households/persons/amount | premiums (households:persons:amount, '' for a month without) | lines
            "0 | 0 | 0       | ''             | ''",
            "0 | 0 | 0       | 0:0:0          | ''",
            "2 | 3 | 2080.50 | ''             | POST_SUBSIDY:公益性岗位补贴:2:3:2080.50",
            "0 | 0 | 0       | 4:7:1400.00    | PENSION_PREMIUM:代缴养老保险:4:7:1400.00",
            "1 | 1 | 800.00  | 4:7:1400.00    | POST_SUBSIDY:公益性岗位补贴:1:1:800.00 PENSION_PREMIUM:代缴养老保险:4:7:1400.00"})
    void shouldListOnlyWhatWasPaidInTheMonth(long households, long persons, BigDecimal amount, String premiums,
                                            String lines) {
        PensionPremiums.Coverage coverage = premiums.isEmpty() ? null : new PensionPremiums.Coverage(
                Long.parseLong(premiums.split(":")[0]), Long.parseLong(premiums.split(":")[1]),
                new BigDecimal(premiums.split(":")[2]));

        List<MonthlyTotals.Item> items = EmploymentMonth.items(new PostPayroll.Paid(households, persons, amount), coverage);

        assertThat(String.join(" ", items.stream().map(i -> i.code() + ":" + i.label() + ":" + i.households() + ":"
                + i.persons() + ":" + i.amount().toPlainString()).toList())).isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0} carries the year''s premiums: {1}")
    @CsvSource({"2025-01, true", "2025-02, false", "2025-12, false", "2026-01, true"})
    void shouldCarryAYearsPremiumsInItsJanuaryOnly(YearMonth month, boolean carries) {
        assertThat(EmploymentMonth.carriesPremiums(month)).isEqualTo(carries);
        assertThat(EmploymentMonth.premiumMonth(month.getYear())).isEqualTo(YearMonth.of(month.getYear(), 1));
    }

    @ParameterizedTest(name = "{0} and {1} are the same figures: {2}")
    @CsvSource({"800, 800.00, true", "800.00, 800.01, false", "0.50, 0.5, true"})
    void shouldCompareFiguresWhateverTheScale(BigDecimal one, BigDecimal other, boolean same) {
        String a = EmploymentMonth.figures(List.of(new MonthlyTotals.Item("POST_SUBSIDY", "公益性岗位补贴", 1, 1, one)));
        String b = EmploymentMonth.figures(List.of(new MonthlyTotals.Item("POST_SUBSIDY", "公益性岗位补贴", 1, 1, other)));
        assertThat(a.equals(b)).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"210404, 2025-01, 210404/2025-01/HUMAN_RESOURCES", "210422, 2026-11, 210422/2026-11/HUMAN_RESOURCES"})
    void shouldKeyTheRecordByCountyMonthAndBureau(String county, YearMonth month, String key) {
        assertThat(EmploymentMonth.key(county, month)).isEqualTo(key);
    }
}
