package fushun.medicalinsurance;

import static org.assertj.core.api.Assertions.assertThatCode;

import fushun.platform.testsupport.FeatureLayering;
import fushun.platform.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

/** Features keep to their own tables and layers (issue 14); the rules live in the platform's test support. */
class ArchitectureTest {

    @Test
    void shouldNameOnlyItsOwnTablesWhenAFeatureRunsSql() {
        assertThatCode(() -> TableOwnership.of("fushun.medicalinsurance").allowingForNow(
                        // the monthly completeness counts settlements per county in one grouped join
                        "fushun.medicalinsurance.feed.FeedCompleteness (feature feed) names table settlement, owned by feature settlement",
                        // the premium roster streams insured people with their cover in one cursor
                        "fushun.medicalinsurance.premium.PremiumSubsidies (feature premium) names table cover_status, owned by feature cover",
                        "fushun.medicalinsurance.premium.PremiumSubsidies (feature premium) names table insured_household, owned by feature insured",
                        "fushun.medicalinsurance.premium.PremiumSubsidies (feature premium) names table insured_person, owned by feature insured",
                        // a household's self-pay and year to date sum settlements over its members in one join
                        "fushun.medicalinsurance.settlement.SettlementFeed (feature settlement) names table insured_household, owned by feature insured",
                        "fushun.medicalinsurance.settlement.SettlementFeed (feature settlement) names table insured_person, owned by feature insured",
                        "fushun.medicalinsurance.settlement.YearToDate (feature settlement) names table insured_household, owned by feature insured",
                        "fushun.medicalinsurance.settlement.YearToDate (feature settlement) names table insured_person, owned by feature insured")
                .check())
                .doesNotThrowAnyException();
    }

    @Test
    void shouldKeepJdbcOutOfControllersAndListenersAndInternalsInTheirFeature() {
        assertThatCode(() -> FeatureLayering.of("fushun.medicalinsurance").check())
                .doesNotThrowAnyException();
    }
}
