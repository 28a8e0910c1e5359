package fushun.monitoring.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.monitoring.identification.Procedure.Decision;
import fushun.monitoring.identification.Procedure.Stage;
import fushun.platform.security.Jurisdiction;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcedureTest {

    private static final String HOUSEHOLD = "210422100201";

    @ParameterizedTest
    @CsvSource({
            "VILLAGE_SCREENING, APPROVE, TOWNSHIP_REVIEW",
            "TOWNSHIP_REVIEW, APPROVE, COUNTY_CONFIRMATION",
            "COUNTY_CONFIRMATION, APPROVE, CONFIRMED",
            "VILLAGE_SCREENING, REJECT, REJECTED",
            "TOWNSHIP_REVIEW, REJECT, REJECTED",
            "COUNTY_CONFIRMATION, REJECT, REJECTED"})
    void shouldMoveThroughVillageTownshipCounty(Stage stage, Decision decision, Stage next) {
        assertThat(Procedure.next(stage, decision)).isEqualTo(next);
    }

    @ParameterizedTest
    @CsvSource({"CONFIRMED", "REJECTED"})
    void shouldRefuseDecisionsOnAClosedProcedure(Stage closed) {
        assertThatThrownBy(() -> Procedure.next(closed, Decision.APPROVE)).isInstanceOf(IllegalStateException.class);
        assertThat(Procedure.refusal(closed, Set.of("county-approver"), Jurisdiction.of("210422"), HOUSEHOLD)).isPresent();
    }

    @ParameterizedTest(name = "{0} by {1} of {2} -> allowed={3}")
    @CsvSource({
            "VILLAGE_SCREENING, village-cadre, 210422100201, true",
            "VILLAGE_SCREENING, village-cadre, 210422100202, false",
            "VILLAGE_SCREENING, township-reviewer, 210422100, false",
            "VILLAGE_SCREENING, village-cadre, 210422100, false",
            "TOWNSHIP_REVIEW, township-reviewer, 210422100, true",
            "TOWNSHIP_REVIEW, township-reviewer, 210422101, false",
            "TOWNSHIP_REVIEW, village-cadre, 210422100201, false",
            "TOWNSHIP_REVIEW, county-approver, 210422, false",
            "COUNTY_CONFIRMATION, county-approver, 210422, true",
            "COUNTY_CONFIRMATION, county-approver, 210423, false",
            "COUNTY_CONFIRMATION, county-approver, 210400, false",
            "COUNTY_CONFIRMATION, admin, 210400, false",
            "COUNTY_CONFIRMATION, analyst, 210422, false"})
    void shouldLetOnlyTheStepsRoleInsideTheHouseholdsDivisionDecide(Stage stage, String role, String division, boolean allowed) {
        assertThat(Procedure.refusal(stage, Set.of(role), Jurisdiction.of(division), HOUSEHOLD).isEmpty()).isEqualTo(allowed);
    }
}
