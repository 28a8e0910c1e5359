package fushun.monitoring.assignment;

import fushun.contracts.Bureau;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a measure of a given type may be recorded for a bureau's assignment (ADR 0039): the type
 * must be the bureau's and effective on the day the measure was applied; a type with an amount needs
 * one above zero, a type without refuses one. Pure: the versions of the code are passed in.
 */
public final class MeasureTypeRule {

    private MeasureTypeRule() {
    }

    /** The rule's answer: the type version that applies, or why none does. */
    public sealed interface Verdict permits Accepted, Refused {
    }

    public record Accepted(MeasureType type) implements Verdict {
    }

    public record Refused(String title, String detail) implements Verdict {
    }

    /**
     * @param code     the code the caller sent
     * @param versions every version of every type with that code (any bureau, any period)
     */
    public static Verdict check(String code, Bureau bureau, LocalDate appliedOn, BigDecimal amount, List<MeasureType> versions) {
        if (versions.isEmpty()) {
            return new Refused("未知的措施类型", "没有代码为 " + code + " 的措施类型，请从本部门的措施类型目录中选择。");
        }
        List<MeasureType> ours = versions.stream().filter(v -> v.bureau() == bureau).toList();
        if (ours.isEmpty()) {
            String owners = versions.stream().map(v -> v.bureau().label()).distinct().collect(Collectors.joining("、"));
            return new Refused("措施类型不属于本部门", "措施类型“" + versions.get(0).label() + "”属于" + owners + "，不能登记在"
                    + bureau.label() + "的任务上。");
        }
        // versions of one code should not overlap; if they do, the newest wins
        Optional<MeasureType> effective = ours.stream().filter(v -> v.effectiveOn(appliedOn))
                .max(Comparator.comparing(MeasureType::effectiveFrom));
        if (effective.isEmpty()) {
            return new Refused("措施类型在实施日期不适用", "措施类型“" + ours.get(0).label() + "”在实施日期 " + appliedOn
                    + " 不在有效期内（" + periods(ours) + "）。");
        }
        MeasureType type = effective.get();
        if (type.amountRequired() && amount == null) {
            return new Refused("缺少金额", "措施类型“" + type.label() + "”须填写" + type.amountLabel() + "。");
        }
        if (type.amountRequired() && amount.signum() <= 0) {
            return new Refused("金额应大于0", "措施类型“" + type.label() + "”的" + type.amountLabel() + "应大于0。");
        }
        if (!type.amountRequired() && amount != null) {
            return new Refused("该措施不填金额", "措施类型“" + type.label() + "”不涉及金额，请不要填写金额（可在说明中写明）。");
        }
        return new Accepted(type);
    }

    private static String periods(List<MeasureType> versions) {
        return versions.stream().sorted(Comparator.comparing(MeasureType::effectiveFrom))
                .map(v -> v.effectiveFrom() + " 至 " + (v.effectiveTo() == null ? "今后" : v.effectiveTo().toString()))
                .collect(Collectors.joining("；"));
    }
}
