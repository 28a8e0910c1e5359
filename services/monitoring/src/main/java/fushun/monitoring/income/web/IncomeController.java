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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "家庭收入", description = "农户按年度分项录入的家庭纯收入（元），以及人均纯收入与当年监测线比对的风险研判。")
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
    @Operation(summary = "录入年度家庭收入", description = "以所填各分项金额（元）整体替换农户该年度的家庭纯收入，返回各分项、成员数、合计和人均纯收入（按现有成员数）。村干部、乡镇审核人员和管理员可办理；金额为空、超过两位小数或绝对值超过一亿元，或经营净收入、财产净收入以外的分项为负数时答 422。")
    IncomeResponse record(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                          @Parameter(description = "年度，2021年至明年") @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year,
                          @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"components": {"WAGES": 18600.00, "BUSINESS": 3250.50, "TRANSFERS": 1280.00, "BASIC_PENSION": 2196.00}}"""))) @Valid @RequestBody IncomeRequest request, Authentication caller) {
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
    @Operation(summary = "查看年度家庭收入", description = "农户某年度的分项收入、成员数、合计和人均纯收入。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；农户不在本人辖区，或该年没有录入收入时答 404。")
    IncomeResponse statement(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                             @Parameter(description = "年度，2021年至明年") @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year) {
        return incomes.statement(householdId, year, Jurisdiction.current()).map(IncomeResponse::of)
                .orElseThrow(() -> new NotFoundException(year + "年没有录入收入。"));
    }

    /** What the evaluation rule says about the household for a year, with its reasons. */
    @GetMapping("/evaluation/{year}")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    @Operation(summary = "研判农户风险", description = "按研判规则判断农户某年是否有返贫致贫风险：人均纯收入低于当年监测线，或在监测线上浮范围内且当年有刚性支出或收入骤减的风险信号；返回结论、依据的规则、风险类型、中文说明和参数版本，没有录入收入时为 NO_INCOME_DATA。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；该年没有监测线（2021年以前）时答 400。")
    RiskEvaluation.Result evaluate(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                                   @Parameter(description = "年度（监测线自2021年起）") @PathVariable @Max(value = 2100, message = "年份无效") int year) {
        return evaluation.evaluate(householdId, year, Jurisdiction.current());
    }
}
