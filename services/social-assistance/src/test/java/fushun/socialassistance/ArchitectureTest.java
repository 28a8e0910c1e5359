package fushun.socialassistance;

import static org.assertj.core.api.Assertions.assertThatCode;

import fushun.platform.testsupport.FeatureLayering;
import fushun.platform.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

/** Features keep to their own tables and layers (issue 14); the rules live in the platform's test support. */
class ArchitectureTest {

    @Test
    void shouldNameOnlyItsOwnTablesWhenAFeatureRunsSql() {
        assertThatCode(() -> TableOwnership.of("fushun.socialassistance").allowingForNow(
                        // the work queue filters and pages cases by the roster's names in one query
                        "fushun.socialassistance.casework.CaseWork (feature casework) names table household_roster, "
                                + "owned by feature household",
                        "fushun.socialassistance.casework.CaseWork (feature casework) names table roster_member, "
                                + "owned by feature household")
                .check())
                .doesNotThrowAnyException();
    }

    @Test
    void shouldKeepJdbcOutOfControllersAndListenersAndInternalsInTheirFeature() {
        assertThatCode(() -> FeatureLayering.of("fushun.socialassistance").check())
                .doesNotThrowAnyException();
    }
}
