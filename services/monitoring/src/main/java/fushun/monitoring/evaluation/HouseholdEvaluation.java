package fushun.monitoring.evaluation;

import static fushun.platform.PlatformTime.CHINA;

import fushun.contracts.RiskType;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.income.HouseholdIncomes;
import fushun.monitoring.income.IncomeStatement;
import fushun.monitoring.income.MonitoringLine;
import fushun.monitoring.income.MonitoringLines;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.security.Jurisdiction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Gathers a household's inputs for a year and runs the rule. */
@Service
public class HouseholdEvaluation {


    private final HouseholdIncomes incomes;
    private final MonitoringLines lines;
    private final PolicyParameters parameters;
    private final RiskAlerts alerts;
    private final HouseholdRegistry households;

    public HouseholdEvaluation(HouseholdIncomes incomes, MonitoringLines lines, PolicyParameters parameters, RiskAlerts alerts,
                               HouseholdRegistry households) {
        this.households = households;
        this.alerts = alerts;
        this.lines = lines;
        this.incomes = incomes;
        this.parameters = parameters;
    }

    public RiskEvaluation.Result evaluate(UUID householdId, int year, Jurisdiction jurisdiction) {
        BigDecimal perCapita = incomes.statement(householdId, year, jurisdiction).map(IncomeStatement::perCapita).orElse(null);
        String county = households.standing(householdId).orElseThrow().divisionCode().substring(0, 6);
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        List<RiskType> signals = alerts.signalledBetween(householdId, LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant());
        return RiskEvaluation.evaluate(new RiskEvaluation.Inputs(year, perCapita,
                lines.lineFor(county, year, endOfYear),
                parameters.required(MonitoringLine.MARGIN_PARAMETER, county, endOfYear), signals));
    }
}
