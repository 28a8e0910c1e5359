package fushun.monitoring.income.web;

import fushun.platform.validation.PlausibleYear;
import fushun.monitoring.evaluation.HouseholdEvaluation;
import fushun.monitoring.evaluation.RiskEvaluation;
import fushun.monitoring.income.HouseholdIncomes;
import fushun.monitoring.income.IncomeComponent;
import fushun.monitoring.income.IncomeStatement;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/monitoring/households/{householdId}")
class IncomeController {

    /** Body of a year's income: amounts by component, in yuan. */
    record IncomeRequest(@NotEmpty(message = "至少填写一项收入") Map<IncomeComponent, BigDecimal> components) {
    }

    record IncomeResponse(int year, Map<IncomeComponent, BigDecimal> components, int members, BigDecimal total,
                          BigDecimal perCapita) {
        static IncomeResponse of(IncomeStatement s) {
            return new IncomeResponse(s.year(), s.components(), s.members(), s.total(), s.perCapita());
        }
    }

    private final HouseholdIncomes incomes;
    private final HouseholdEvaluation evaluation;

    IncomeController(HouseholdIncomes incomes, HouseholdEvaluation evaluation) {
        this.incomes = incomes;
        this.evaluation = evaluation;
    }

    @PutMapping("/incomes/{year}")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'admin')")
    IncomeResponse record(@PathVariable UUID householdId,
                          @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year,
                          @Valid @RequestBody IncomeRequest request, Authentication caller) {
        request.components().forEach((component, amount) -> {
            if (amount == null || amount.scale() > 2 || amount.abs().compareTo(new BigDecimal("100000000")) > 0) {
                throw new RuleViolationException("收入金额无效", component.label() + "的金额应填写，最多两位小数。");
            }
            if (amount.signum() < 0 && component != IncomeComponent.BUSINESS && component != IncomeComponent.PROPERTY) {
                throw new RuleViolationException("收入金额无效", "只有经营净收入和财产净收入可以为负数。");
            }
        });
        return IncomeResponse.of(incomes.record(householdId, year, request.components(), caller.getName(),
                Jurisdiction.current()));
    }

    @GetMapping("/incomes/{year}")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    IncomeResponse statement(@PathVariable UUID householdId, @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year) {
        return incomes.statement(householdId, year, Jurisdiction.current()).map(IncomeResponse::of)
                .orElseThrow(() -> new NotFoundException(year + "年没有录入收入。"));
    }

    /** What the evaluation rule says about the household for a year, with its reasons. */
    @GetMapping("/evaluation/{year}")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    RiskEvaluation.Result evaluate(@PathVariable UUID householdId,
                                   @PathVariable @Max(value = 2100, message = "年份无效") int year) {
        return evaluation.evaluate(householdId, year, Jurisdiction.current());
    }
}
