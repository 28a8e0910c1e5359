package fushun.housingsafety.appraisal;

import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;

/**
 * Repair (修缮加固) of a C house or rebuild (拆除重建) of a D house, each with its own subsidy parameter
 * (central subsidy, by county). Pure.
 */
public enum RenovationKind {
    REPAIR("housing.subsidy.repair", "C级危房修缮加固"),
    REBUILD("housing.subsidy.rebuild", "D级危房拆除重建");

    private final String subsidyParameter;
    private final String chinese;

    RenovationKind(String subsidyParameter, String chinese) {
        this.subsidyParameter = subsidyParameter;
        this.chinese = chinese;
    }

    /** The policy parameter that sets this kind's subsidy. */
    public String subsidyParameter() {
        return subsidyParameter;
    }

    public String chinese() {
        return chinese;
    }

    /** A renovation's subsidy with the parameter version it was taken from. */
    public record Subsidy(RenovationKind kind, BigDecimal amount, String parameterVersion) {
    }

    /** The subsidy from the parameter in force; refuses a value of another parameter. */
    public Subsidy subsidy(PolicyValue value) {
        if (!value.name().equals(subsidyParameter)) {
            throw new IllegalArgumentException(name() + " is subsidised by " + subsidyParameter + ", not " + value.name());
        }
        return new Subsidy(this, value.value(), value.version());
    }

    /** The measure of the work's start, in the assignment's words. */
    public String startedMeasure(BigDecimal subsidy) {
        return chinese + "开工，补助 " + subsidy.stripTrailingZeros().toPlainString() + " 元";
    }
}
