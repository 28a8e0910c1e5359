package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThatCode;

import fushun.platform.testsupport.FeatureLayering;
import fushun.platform.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

/** Features keep to their own tables and layers (issue 14); the rules live in the platform's test support. */
class ArchitectureTest {

    @Test
    void shouldNameOnlyItsOwnTablesWhenAFeatureRunsSql() {
        assertThatCode(() -> TableOwnership.of("fushun.monitoring").allowingForNow(
                        // issue 14's remaining debt: features that read the household, risk, assignment and
                        // income tables directly; each goes through the owner's application service next
                        "fushun.monitoring.assignment.Assignments (feature assignment) names table risk_alert, owned by feature risk",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table assignment, owned by feature assignment",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table cadre_visit, owned by feature discovery",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table household, owned by feature household",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table household_member, owned by feature household",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table income_record, owned by feature income",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table measure, owned by feature assignment",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table monitored_risk, owned by feature risk",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table risk_alert, owned by feature risk",
                        "fushun.monitoring.elimination.EliminationRecords (feature elimination) names table risk_signal, owned by feature risk",
                        "fushun.monitoring.elimination.EliminationRequests (feature elimination) names table monitored_risk, owned by feature risk",
                        "fushun.monitoring.evaluation.HouseholdEvaluation (feature evaluation) names table risk_signal, owned by feature risk",
                        "fushun.monitoring.household.HouseholdChanges (feature household) names table identification, owned by feature identification",
                        "fushun.monitoring.household.HouseholdChanges (feature household) names table public_notice, owned by feature identification",
                        "fushun.monitoring.household.HouseholdChanges (feature household) names table recheck_task, owned by feature recheck",
                        "fushun.monitoring.household.HouseholdChanges (feature household) names table risk_alert, owned by feature risk",
                        "fushun.monitoring.identification.PublicNotices (feature identification) names table household, owned by feature household",
                        "fushun.monitoring.identification.PublicNotices (feature identification) names table household_member, owned by feature household",
                        "fushun.monitoring.income.HouseholdIncomes (feature income) names table household, owned by feature household",
                        "fushun.monitoring.income.HouseholdIncomes (feature income) names table household_member, owned by feature household",
                        "fushun.monitoring.recheck.RecheckTasks (feature recheck) names table household, owned by feature household",
                        "fushun.monitoring.recheck.Rechecks (feature recheck) names table household, owned by feature household",
                        "fushun.monitoring.risk.RiskAlerts (feature risk) names table assignment, owned by feature assignment",
                        "fushun.monitoring.risk.RiskAlerts (feature risk) names table household, owned by feature household",
                        "fushun.monitoring.roster.RosterImports (feature roster) names table household, owned by feature household",
                        "fushun.monitoring.roster.RosterImports (feature roster) names table household_member, owned by feature household",
                        "fushun.monitoring.screening.MonthlyScreening (feature screening) names table household, owned by feature household",
                        "fushun.monitoring.screening.MonthlyScreening (feature screening) names table household_member, owned by feature household",
                        "fushun.monitoring.screening.MonthlyScreening (feature screening) names table income_record, owned by feature income",
                        "fushun.monitoring.screening.MonthlyScreening (feature screening) names table monitored_risk, owned by feature risk",
                        "fushun.monitoring.screening.MonthlyScreening (feature screening) names table risk_signal, owned by feature risk")
                .check()).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepJdbcOutOfControllersAndListenersAndInternalsInTheirFeature() {
        assertThatCode(() -> FeatureLayering.of("fushun.monitoring").check())
                .doesNotThrowAnyException();
    }
}
