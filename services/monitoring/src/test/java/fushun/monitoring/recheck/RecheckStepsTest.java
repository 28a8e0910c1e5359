package fushun.monitoring.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.recheck.RecheckSteps.Outcome;
import fushun.monitoring.recheck.RecheckSteps.Status;
import fushun.monitoring.recheck.RecheckSteps.Step;
import fushun.platform.security.Jurisdiction;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RecheckStepsTest {

    private static final String HOUSEHOLD = "210422100201";

    @ParameterizedTest(name = "{0} on {1}, approve={2} -> {3}")
    @CsvSource({
            "VISIT, TO_VISIT, true, VISITED",
            "VISIT, VISITED, true, VISITED",
            "REVIEW, VISITED, true, REVIEWED",
            "REVIEW, VISITED, false, TO_VISIT",
            "CONFIRMATION, REVIEWED, true, CONFIRMED",
            "CONFIRMATION, REVIEWED, false, VISITED"})
    void shouldLeadEachStepFromTheStatusItNeedsToTheNext(Step step, Status current, boolean approve, Status next) {
        assertThat(RecheckSteps.next(step, current, approve)).isEqualTo(next);
        assertThat(RecheckSteps.refusal(step, current, Set.of(role(step)), Jurisdiction.of(division(step)), HOUSEHOLD)).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1} refused")
    @CsvSource({
            "VISIT, REVIEWED",
            "VISIT, CONFIRMED",
            "REVIEW, TO_VISIT",
            "REVIEW, REVIEWED",
            "REVIEW, CONFIRMED",
            "CONFIRMATION, TO_VISIT",
            "CONFIRMATION, VISITED",
            "CONFIRMATION, CONFIRMED"})
    void shouldRefuseAStepOnATaskNotInTheStatusItNeeds(Step step, Status current) {
        assertThat(RecheckSteps.refusal(step, current, Set.of(role(step)), Jurisdiction.of(division(step)), HOUSEHOLD))
                .hasValueSatisfying(why -> assertThat(why).contains(current.label()));
        assertThatThrownBy(() -> RecheckSteps.next(step, current, true)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} by {1} of {2} -> allowed={3}")
    @CsvSource({
            "VISIT, village-cadre, 210422100201, true",
            "VISIT, village-cadre, 210422100202, false",
            "VISIT, village-cadre, 210422100, false",
            "VISIT, township-reviewer, 210422100, false",
            "VISIT, county-approver, 210422, false",
            "REVIEW, township-reviewer, 210422100, true",
            "REVIEW, township-reviewer, 210422101, false",
            "REVIEW, township-reviewer, 210422, false",
            "REVIEW, village-cadre, 210422100201, false",
            "REVIEW, county-approver, 210422, false",
            "CONFIRMATION, county-approver, 210422, true",
            "CONFIRMATION, county-approver, 210423, false",
            "CONFIRMATION, county-approver, 210400, false",
            "CONFIRMATION, county-approver, 210422100, false",
            "CONFIRMATION, township-reviewer, 210422100, false",
            "CONFIRMATION, admin, 210422, false"})
    void shouldLetOnlyTheStepsRoleAtTheStepsLevelInsideTheHouseholdsDivisionTakeIt(Step step, String role, String division,
                                                                                    boolean allowed) {
        Status current = step.needs().iterator().next();
        assertThat(RecheckSteps.refusal(step, current, Set.of(role), Jurisdiction.of(division), HOUSEHOLD).isEmpty())
                .isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void shouldRefuseACallerWithoutADivision(Step step) {
        assertThat(RecheckSteps.refusal(step, step.needs().iterator().next(), Set.of(role(step)), Jurisdiction.NONE, HOUSEHOLD))
                .isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = "VISIT")
    void shouldNeverRejectAVisit(Step step) {
        assertThatThrownBy(() -> RecheckSteps.next(step, Status.TO_VISIT, false)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} proposing {1} for a {2} household -> allowed={3}")
    @CsvSource(nullValues = "-", value = {
            "STILL_AT_RISK, -, MARGINAL, true",
            "STILL_AT_RISK, SUDDEN_SEVERE_DIFFICULTY, MARGINAL, false",
            "PROPOSE_ELIMINATION, -, UNSTABLE_OUT_OF_POVERTY, true",
            "PROPOSE_ELIMINATION, MARGINAL, UNSTABLE_OUT_OF_POVERTY, false",
            "PROPOSE_CATEGORY_CHANGE, SUDDEN_SEVERE_DIFFICULTY, MARGINAL, true",
            "PROPOSE_CATEGORY_CHANGE, MARGINAL, SUDDEN_SEVERE_DIFFICULTY, true",
            "PROPOSE_CATEGORY_CHANGE, MARGINAL, MARGINAL, false",
            "PROPOSE_CATEGORY_CHANGE, -, MARGINAL, false",
            "PROPOSE_CATEGORY_CHANGE, UNSTABLE_OUT_OF_POVERTY, MARGINAL, false",
            "PROPOSE_CATEGORY_CHANGE, ORDINARY, MARGINAL, false",
            "PROPOSE_CATEGORY_CHANGE, MARGINAL, UNSTABLE_OUT_OF_POVERTY, false",
            "PROPOSE_CATEGORY_CHANGE, UNSTABLE_OUT_OF_POVERTY, UNSTABLE_OUT_OF_POVERTY, false"})
    void shouldAcceptOnlyACategoryTheCountyMayNameOtherThanTheCurrentOne(Outcome outcome, HouseholdCategory proposed,
                                                                         HouseholdCategory current, boolean allowed) {
        assertThat(RecheckSteps.outcomeRefusal(outcome, proposed, current).isEmpty()).isEqualTo(allowed);
    }

    private static String role(Step step) {
        return switch (step) {
            case VISIT -> "village-cadre";
            case REVIEW -> "township-reviewer";
            case CONFIRMATION -> "county-approver";
        };
    }

    private static String division(Step step) {
        return switch (step) {
            case VISIT -> "210422100201";
            case REVIEW -> "210422100";
            case CONFIRMATION -> "210422";
        };
    }
}
