package fushun.monitoring.elimination;

import fushun.monitoring.income.MonitoringLine;
import fushun.platform.policy.PolicyValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The usual preconditions for marking risks eliminated (DOMAIN.md): monitored at least the minimum
 * months, at least one measure delivered, income above the line and no income-drop signal for the
 * minimum months, no unfinished assignment (rigid spending resolved, no open risk), and someone in
 * the household able to work. Pure.
 */
public final class EliminationCheck {

    public record Inputs(LocalDate today, LocalDate monitoredSince, long measuresDelivered, Integer incomeYear,
                         BigDecimal perCapitaIncome, MonitoringLine.YearLine line, LocalDate lastIncomeDropSignal, long openAssignments,
                         long membersAbleToWork, PolicyValue minMonthsMonitored, PolicyValue minMonthsAboveLine) {
    }

    public record Failure(String precondition, String message) {
    }

    @Schema(name = "EliminationCheckResult", description = "风险消除条件的检查结果：能否标注、不满足的条件（逐项）和所用参数版本")
    public record Result(boolean eligible, List<Failure> failures, List<String> parameterVersions) {
    }

    private EliminationCheck() {
    }

    public static Result check(Inputs in) {
        List<Failure> failures = new ArrayList<>();
        int monthsMonitored = in.minMonthsMonitored().value().intValue();
        int monthsAbove = in.minMonthsAboveLine().value().intValue();
        if (in.monitoredSince() == null) {
            failures.add(new Failure("MONITORED", "该户当前没有在监测中的风险。"));
        } else if (in.monitoredSince().plusMonths(monthsMonitored).isAfter(in.today())) {
            failures.add(new Failure("MONITORED", "纳入监测不满" + monthsMonitored + "个月（自" + in.monitoredSince() + "起）。"));
        }
        if (in.measuresDelivered() < 1) {
            failures.add(new Failure("MEASURE", "尚未落实任何帮扶措施。"));
        }
        if (in.perCapitaIncome() == null) {
            failures.add(new Failure("INCOME", "没有录入家庭收入，无法判断是否稳定超过监测线。"));
        } else if (in.perCapitaIncome().compareTo(in.line().value()) < 0) {
            failures.add(new Failure("INCOME", in.incomeYear() + "年人均纯收入 " + in.perCapitaIncome().toPlainString()
                    + " 元，低于监测线" + (in.line().estimated() ? "（推算）" : "") + " "
                    + in.line().value().stripTrailingZeros().toPlainString() + " 元" + in.line().note() + "。"));
        }
        if (in.lastIncomeDropSignal() != null && in.lastIncomeDropSignal().plusMonths(monthsAbove).isAfter(in.today())) {
            failures.add(new Failure("INCOME_STABLE", "近" + monthsAbove + "个月内仍有收入骤减的信号（" + in.lastIncomeDropSignal() + "）。"));
        }
        if (in.openAssignments() > 0) {
            failures.add(new Failure("OPEN_RISK", "仍有 " + in.openAssignments() + " 项帮扶任务未办结。"));
        }
        if (in.membersAbleToWork() < 1) {
            failures.add(new Failure("LABOUR", "家庭成员均无劳动能力，不标注风险消除，继续兜底保障。"));
        }
        return new Result(failures.isEmpty(), failures,
                List.of(in.minMonthsMonitored().version(), in.minMonthsAboveLine().version(), in.line().version()));
    }
}
