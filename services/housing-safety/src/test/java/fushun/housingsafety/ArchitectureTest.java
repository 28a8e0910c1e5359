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
                        // the yearly screening counts and pages a county's low-income households with their
                        // latest appraisal in one query; done in Java it would load the county
                        "fushun.housingsafety.appraisal.YearlyScreening (feature appraisal) names table household, "
                                + "owned by feature household")
                .check()).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepJdbcOutOfControllersAndListenersAndInternalsInTheirFeature() {
        assertThatCode(() -> FeatureLayering.of("fushun.housingsafety").check())
                .doesNotThrowAnyException();
    }
}
