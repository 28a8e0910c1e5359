package fushun.housingsafety.appraisal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A house's safety appraisal grade (住房安全性鉴定) and what follows from it. Pure.
 * <ul>
 *   <li>A safe, B basically safe: the house is safe, and only these pass a completion inspection
 *       (竣工验收);</li>
 *   <li>C locally dangerous: unsafe, repaired and reinforced (修缮加固);</li>
 *   <li>D dangerous as a whole: unsafe, demolished and rebuilt (拆除重建).</li>
 * </ul>
 */
public enum HouseGrade {
    A("安全"), B("基本安全"), C("局部危险"), D("整体危险");

    private final String chinese;

    HouseGrade(String chinese) {
        this.chinese = chinese;
    }

    public static HouseGrade of(String grade) {
        return valueOf(grade);
    }

    public String chinese() {
        return chinese;
    }

    public boolean unsafe() {
        return this == C || this == D;
    }

    /** Whether a completed renovation may be accepted with this grade. */
    public boolean acceptable() {
        return !unsafe();
    }

    /** The renovation an unsafe house gets: repair for C, rebuild for D; none for a safe one. */
    public Optional<RenovationKind> renovation() {
        return switch (this) {
            case C -> Optional.of(RenovationKind.REPAIR);
            case D -> Optional.of(RenovationKind.REBUILD);
            default -> Optional.empty();
        };
    }

    /** The grade as the signal's measure: A 1 … D 4. */
    public BigDecimal measure() {
        return BigDecimal.valueOf(ordinal() + 1);
    }
}
