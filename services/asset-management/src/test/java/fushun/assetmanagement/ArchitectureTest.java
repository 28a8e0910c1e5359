package fushun.assetmanagement;

import static org.assertj.core.api.Assertions.assertThatCode;

import fushun.platform.testsupport.FeatureLayering;
import fushun.platform.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

/** Features keep to their own tables and layers (issue 14); the rules live in the platform's test support. */
class ArchitectureTest {

    @Test
    void shouldNameOnlyItsOwnTablesWhenAFeatureRunsSql() {
        assertThatCode(() -> TableOwnership.of("fushun.assetmanagement").allowingForNow(
                        // the demo seed writes the ledger and income directly; recording income checks the
                        // asset in the same statement: to go through the owners' services
                        "fushun.assetmanagement.demo.DemoData (feature demo) names table asset, owned by feature ledger",
                        "fushun.assetmanagement.demo.DemoData (feature demo) names table asset_income, owned by feature income",
                        "fushun.assetmanagement.income.AssetIncome (feature income) names table asset, owned by feature ledger")
                .check()).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepJdbcOutOfControllersAndListenersAndInternalsInTheirFeature() {
        assertThatCode(() -> FeatureLayering.of("fushun.assetmanagement").check())
                .doesNotThrowAnyException();
    }
}
