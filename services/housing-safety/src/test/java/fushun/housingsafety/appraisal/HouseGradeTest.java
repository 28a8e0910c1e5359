package fushun.housingsafety.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseGradeTest {

    @ParameterizedTest(name = "{0}: unsafe={1} acceptable={2} renovation={3} measure={4}")
    @CsvSource({
            "A, false, true,  ,        1",
            "B, false, true,  ,        2",
            "C, true,  false, REPAIR,  3",
            "D, true,  false, REBUILD, 4"})
    void shouldTellUnsafetyAcceptanceAndRenovationByGrade(String grade, boolean unsafe, boolean acceptable,
                                                          RenovationKind renovation, int measure) {
        HouseGrade house = HouseGrade.of(grade);

        assertThat(house.unsafe()).isEqualTo(unsafe);
        assertThat(house.acceptable()).isEqualTo(acceptable);
        assertThat(house.renovation().orElse(null)).isEqualTo(renovation);
        assertThat(house.measure()).isEqualByComparingTo(BigDecimal.valueOf(measure));
    }

    @ParameterizedTest(name = "{0} in {1}: {3} from {2}")
    @CsvSource({
            // the seeded values (V2): 10000 for a repair, 35000 for a rebuild, for every county
            "REPAIR,  housing.subsidy.repair,  *,      2021-01-01, 10000.00, housing.subsidy.repair[*]@2021-01-01",
            "REBUILD, housing.subsidy.rebuild, *,      2021-01-01, 35000.00, housing.subsidy.rebuild[*]@2021-01-01",
            // a county's own value names its county and date
            "REBUILD, housing.subsidy.rebuild, 210422, 2025-03-01, 40000.00, housing.subsidy.rebuild[210422]@2025-03-01"})
    void shouldTakeTheSubsidyAndItsVersionFromTheKindsParameter(RenovationKind kind, String parameter, String scope,
                                                               LocalDate from, BigDecimal amount, String version) {
        assertThat(kind.subsidyParameter()).isEqualTo(parameter);

        RenovationKind.Subsidy subsidy = kind.subsidy(new PolicyValue(parameter, scope, from, amount));

        assertThat(subsidy).isEqualTo(new RenovationKind.Subsidy(kind, amount, version));
    }

    @ParameterizedTest
    @CsvSource({"REPAIR, housing.subsidy.rebuild", "REBUILD, housing.subsidy.repair"})
    void shouldRefuseAnotherKindsParameterWhenSubsidising(RenovationKind kind, String other) {
        assertThatThrownBy(() -> kind.subsidy(new PolicyValue(other, "*", LocalDate.of(2021, 1, 1), BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "REPAIR,  10000.00, C级危房修缮加固开工，补助 10000 元",
            "REBUILD, 35000.00, D级危房拆除重建开工，补助 35000 元",
            "REBUILD, 35000.50, D级危房拆除重建开工，补助 35000.5 元"})
    void shouldDescribeTheStartWithItsSubsidyWhenWorkBegins(RenovationKind kind, BigDecimal subsidy, String measure) {
        assertThat(kind.startedMeasure(subsidy)).isEqualTo(measure);
    }
}
