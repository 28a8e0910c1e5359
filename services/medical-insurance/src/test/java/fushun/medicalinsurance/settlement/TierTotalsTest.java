package fushun.medicalinsurance.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.feed.MonthlyTotals;
import fushun.medicalinsurance.settlement.TierTotals.CountyMonth;
import fushun.medicalinsurance.settlement.TierTotals.Paid;
import fushun.medicalinsurance.settlement.TierTotals.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierTotalsTest {

    @ParameterizedTest
    @CsvSource({
            "210422, 2026-10-01, 2026-10, 210422/2026-10/MEDICAL_INSURANCE",
            "210402, 2026-10-31, 2026-10, 210402/2026-10/MEDICAL_INSURANCE",
            "210423, 2026-12-31, 2026-12, 210423/2026-12/MEDICAL_INSURANCE",
            "210423, 2027-01-01, 2027-01, 210423/2027-01/MEDICAL_INSURANCE",
            "210411, 2024-02-29, 2024-02, 210411/2024-02/MEDICAL_INSURANCE"})
    void shouldKeyTheCountyAndTheMonthOfTheSettlementDate(String county, LocalDate settledOn, YearMonth month,
                                                          String key) {
        CountyMonth countyMonth = CountyMonth.of(county, settledOn);

        assertThat(countyMonth.month()).isEqualTo(month);
        assertThat(countyMonth.key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({
            "BASIC_INSURANCE, 基本医保报销",
            "CRITICAL_ILLNESS, 大病保险赔付",
            "MEDICAL_ASSISTANCE, 医疗救助"})
    void shouldNameEachTierAsTheReportShowsIt(Tier tier, String label) {
        assertThat(TierTotals.items(List.of(new Paid(tier, 1, 2, new BigDecimal("3.5")))))
                .containsExactly(new MonthlyTotals.Item(tier.name(), label, 1, 2, new BigDecimal("3.50")));
    }

    @Test
    void shouldListOnlyTiersThatPaidInTierOrder() {
        List<MonthlyTotals.Item> items = TierTotals.items(List.of(
                new Paid(Tier.MEDICAL_ASSISTANCE, 1, 1, new BigDecimal("980.00")),
                new Paid(Tier.CRITICAL_ILLNESS, 0, 0, BigDecimal.ZERO),
                new Paid(Tier.BASIC_INSURANCE, 2, 3, new BigDecimal("18000.00"))));

        assertThat(items).extracting(MonthlyTotals.Item::code).containsExactly("BASIC_INSURANCE", "MEDICAL_ASSISTANCE");
        assertThat(items.get(0).households()).isEqualTo(2);
        assertThat(items.get(0).persons()).isEqualTo(3);
    }

    @Test
    void shouldBeEmptyWhenNothingWasPaid() {
        assertThat(TierTotals.items(List.of())).isEmpty();
        assertThat(TierTotals.items(List.of(new Paid(Tier.BASIC_INSURANCE, 0, 0, new BigDecimal("0.00"))))).isEmpty();
    }
}
