package fushun.socialassistance.monthlytotals;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.feed.MonthlyTotals;
import fushun.socialassistance.benefits.PayrollTotals.ProgrammeTotal;
import fushun.socialassistance.benefits.Programme;
import fushun.socialassistance.temporaryaid.PayoutTotals.FundTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentLinesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DIBAO, 农村低保金",
            "TEKUN, 特困供养金"})
    void shouldLabelTheMoneyEachProgrammePays(Programme programme, String label) {
        assertThat(PaymentLines.label(programme)).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} named \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "210422100 | 新宾镇    | 临时救助（新宾镇备用金）",
            "210422100 | ' 新宾镇 ' | 临时救助（新宾镇备用金）",
            "210422100 | null      | 临时救助（210422100备用金）",
            "210422100 | ''        | 临时救助（210422100备用金）",
            "210422100 | '   '     | 临时救助（210422100备用金）",
            // 51 characters of name fit in 60 with the words around them, a 52nd is cut
            "210422100 | 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一 "
                    + "| 临时救助（一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一备用金）",
            "210422100 | 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二 "
                    + "| 临时救助（一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一备用金）",
            // a rare character (two Java chars) that would be cut in half at the 51st is left out whole
            "210422100 | 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\uD840\uDC00二 "
                    + "| 临时救助（一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十备用金）"})
    void shouldLabelAFundWithItsTownshipOrItsCodeWithinTheContractsLength(String township, String name, String label) {
        String made = PaymentLines.fundLabel(township, name);

        assertThat(made).isEqualTo(label);
        assertThat(made.length()).isLessThanOrEqualTo(PaymentLines.LABEL_LIMIT);
        assertThat(Character.isHighSurrogate(made.charAt(made.length() - 5))).isFalse();
    }

    @Test
    void shouldPutTheProgrammesFirstThenEachFundInCodeOrderWithNoPersonsForTemporaryAid() {
        List<MonthlyTotals.Item> lines = PaymentLines.of(
                List.of(new ProgrammeTotal(Programme.TEKUN, 1, 1, new BigDecimal("680")),
                        new ProgrammeTotal(Programme.DIBAO, 2, 5, new BigDecimal("2086.675"))),
                List.of(new FundTotal("210422102", 1, new BigDecimal("300.00")),
                        new FundTotal("210422100", 2, new BigDecimal("1500.5"))),
                Map.of("210422100", "新宾镇"));

        assertThat(lines).containsExactly(
                new MonthlyTotals.Item("DIBAO", "农村低保金", 2, 5, new BigDecimal("2086.68")),
                new MonthlyTotals.Item("TEKUN", "特困供养金", 1, 1, new BigDecimal("680.00")),
                new MonthlyTotals.Item("TEMPORARY_AID:210422100", "临时救助（新宾镇备用金）", 2, 0, new BigDecimal("1500.50")),
                new MonthlyTotals.Item("TEMPORARY_AID:210422102", "临时救助（210422102备用金）", 1, 0, new BigDecimal("300.00")));
    }

    @Test
    void shouldHaveNoLinesWhenNothingWasPaid() {
        assertThat(PaymentLines.of(List.of(), List.of(), Map.of())).isEmpty();
    }

    @Test
    void shouldKeyTheMonthByCountyMonthAndBureau() {
        assertThat(CivilAffairsMonthlyTotals.key("210422", java.time.YearMonth.of(2026, 11)))
                .isEqualTo("210422/2026-11/CIVIL_AFFAIRS");
    }
}
