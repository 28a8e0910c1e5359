package fushun.housingsafety;

import static org.assertj.core.api.Assertions.assertThatCode;

import fushun.platform.testsupport.FeatureLayering;
import fushun.platform.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

/** Features keep to their own tables and layers (issue 14); the rules live in the platform's test support. */
class ArchitectureTest {

    @Test
    void shouldNameOnlyItsOwnTablesWhenAFeatureRunsSql() {
        assertThatCode(() -> TableOwnership.of("fushun.housingsafety").allowingForNow(
                        // appraisals join the household's category and division in one query; the household
                        // page counts its open tasks and renovations: to be asked of each other's services
                        "fushun.housingsafety.appraisal.AppraisalTasks (feature appraisal) names table household, owned by feature household",
                        "fushun.housingsafety.appraisal.Appraisals (feature appraisal) names table household, owned by feature household",
                        "fushun.housingsafety.appraisal.YearlyScreening (feature appraisal) names table household, owned by feature household",
                        "fushun.housingsafety.household.Households (feature household) names table appraisal_task, owned by feature appraisal",
                        "fushun.housingsafety.household.Households (feature household) names table renovation, owned by feature appraisal")
                .check()).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepJdbcOutOfControllersAndListenersAndInternalsInTheirFeature() {
        assertThatCode(() -> FeatureLayering.of("fushun.housingsafety").check())
                .doesNotThrowAnyException();
    }
}
