package fushun.medicalinsurance.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.medicalinsurance.settlement.SettlementFeed.RowProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SettlementRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Set<String> COUNTIES = Set.of("210422", "210423");
    /** Synthetic: a real birth date and the right check character. */
    private static final String ID = "210422198001019017";

    private static RawSettlement row(String id, String idNumber, String county, String hospital, String settledOn,
                                     String total, String range, String basic) {
        return new RawSettlement(id, idNumber, county, hospital, settledOn, total, range, basic);
    }

    private static RawSettlement good() {
        return row("XB-2026-000123", ID, "210422", "新宾县人民医院", "2026-03-12", "18600.00", "16200.00", "9720.00");
    }

    static Stream<Arguments> rowsAndTheFieldsTheyAreRejectedFor() {
        return Stream.of(
                Arguments.of("a good row", good(), List.of()),
                Arguments.of("blank settlement id", row(" ", ID, "210422", "医院", "2026-03-12", "100", "80", "50"),
                        List.of("settlementId")),
                Arguments.of("settlement id of 65 characters", row("X".repeat(65), ID, "210422", "医院", "2026-03-12",
                        "100", "80", "50"), List.of("settlementId")),
                Arguments.of("settlement id of 64 characters", row("X".repeat(64), ID, "210422", "医院", "2026-03-12",
                        "100", "80", "50"), List.of()),
                Arguments.of("wrong check character", row("S1", "210422198001019018", "210422", "医院", "2026-03-12",
                        "100", "80", "50"), List.of("idNumber")),
                Arguments.of("county outside the feed", row("S1", ID, "210499", "医院", "2026-03-12", "100", "80", "50"),
                        List.of("insuredCounty")),
                Arguments.of("hospital of 201 characters", row("S1", ID, "210423", "院".repeat(201), "2026-03-12",
                        "100", "80", "50"), List.of("hospital")),
                Arguments.of("date not as yyyy-MM-dd", row("S1", ID, "210422", "医院", "2026-3-12", "100", "80", "50"),
                        List.of("settledOn")),
                Arguments.of("date after today", row("S1", ID, "210422", "医院", "2026-07-01", "100", "80", "50"),
                        List.of("settledOn")),
                Arguments.of("date today, padded", row("S1", ID, "210422", "医院", " 2026-06-30 ", "100", "80", "50"),
                        List.of()),
                Arguments.of("negative amount", row("S1", ID, "210422", "医院", "2026-03-12", "-1", "0", "0"),
                        List.of("amounts")),
                Arguments.of("three decimals", row("S1", ID, "210422", "医院", "2026-03-12", "100.001", "80", "50"),
                        List.of("amounts")),
                Arguments.of("over a hundred million", row("S1", ID, "210422", "医院", "2026-03-12", "100000000.01",
                        "80", "50"), List.of("amounts")),
                Arguments.of("exactly a hundred million", row("S1", ID, "210422", "医院", "2026-03-12", "100000000.00",
                        "80", "50"), List.of()),
                Arguments.of("amount not a number", row("S1", ID, "210422", "医院", "2026-03-12", "一百", "80", "50"),
                        List.of("amounts")),
                Arguments.of("policy range above the total", row("S1", ID, "210422", "医院", "2026-03-12", "100",
                        "100.01", "50"), List.of("amounts")),
                Arguments.of("basic insurance above the policy range", row("S1", ID, "210422", "医院", "2026-03-12",
                        "100", "80", "80.01"), List.of("amounts")),
                Arguments.of("every field missing", row(null, null, null, null, null, null, null, null),
                        List.of("settlementId", "idNumber", "insuredCounty", "hospital", "settledOn", "amounts")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsAndTheFieldsTheyAreRejectedFor")
    void shouldRejectARowForEachBadFieldWhenChecked(String name, RawSettlement raw, List<String> fields) {
        SettlementRows.Checked checked = SettlementRows.check(raw, COUNTIES, TODAY);

        assertThat(checked.problems()).extracting(RowProblem::field).isEqualTo(fields);
        assertThat(checked.good()).isEqualTo(fields.isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1     | 0      | 0     | 金额必须填写为数字，不能为负数，最多两位小数，不超过一亿元",
            "100    | 100.01 | 50    | 应满足：基本医保支付 ≤ 政策范围内费用 ≤ 总费用",
            "100    | 80     | 80.01 | 应满足：基本医保支付 ≤ 政策范围内费用 ≤ 总费用",
            "100    | 100    | 100   | ''"})
    void shouldExplainWhichAmountRuleARowBreaksWhenChecked(String total, String range, String basic, String message) {
        SettlementRows.Checked checked = SettlementRows.check(
                row("S1", ID, "210422", "医院", "2026-03-12", total, range, basic), COUNTIES, TODAY);

        assertThat(checked.problems()).extracting(RowProblem::message)
                .isEqualTo(message.isEmpty() ? List.of() : List.of(message));
    }

    @Test
    void shouldReadTheDateAndAmountsWhenTheRowIsGood() {
        SettlementRows.Checked checked = SettlementRows.check(good(), COUNTIES, TODAY);

        assertThat(checked.record()).isEqualTo(new SettlementRecord("XB-2026-000123", ID, "210422", "新宾县人民医院",
                LocalDate.of(2026, 3, 12), new BigDecimal("18600.00"), new BigDecimal("16200.00"),
                new BigDecimal("9720.00")));
    }

    @Test
    void shouldRejectAnEmptyRowAsEmptyWhenChecked() {
        SettlementRows.Checked checked = SettlementRows.check(null, COUNTIES, TODAY);

        assertThat(checked.record()).isNull();
        assertThat(checked.problems()).containsExactly(new RowProblem("row", "空行"));
    }
}
