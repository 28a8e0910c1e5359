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
                        // the queue's search by a member's name filters cases in the same query: a short
                        // name matches a county's worth of households, which must not be loaded
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
