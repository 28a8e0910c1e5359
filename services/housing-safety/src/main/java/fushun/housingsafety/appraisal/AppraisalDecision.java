package fushun.housingsafety.appraisal;

import fushun.housingsafety.household.LowIncome;
import java.util.Optional;

/**
 * What an appraisal decides for the household: whether monitoring hears of an unsafe house, whether
 * a renovation is opened (low-income households' C and D houses only), and in which words the
 * appraisal tasks not answered by a renovation are closed. Pure.
 *
 * @param signal     the description of the unsafe-housing signal to monitoring, or null for a safe house
 * @param renovation the renovation to open (or the one under way to join), if any
 * @param closing    why the tasks not answered by the renovation are closed
 */
public record AppraisalDecision(String signal, Optional<RenovationKind> renovation, String closing) {

    /** A task answered by the renovation under way for the same house. */
    public static final String JOINED_RENOVATION = "该户住房已列入危房改造，由同一改造项目办理";

    public static AppraisalDecision of(HouseGrade grade, boolean lowIncome, boolean notEntitledToPolicy) {
        if (!grade.unsafe()) {
            return new AppraisalDecision(null, Optional.empty(), "住房安全性鉴定为" + grade + "级，住房安全有保障");
        }
        String signal = "住房安全性鉴定为" + grade + "级（" + grade.chinese() + "）";
        if (lowIncome) {
            return new AppraisalDecision(signal, grade.renovation(), JOINED_RENOVATION);
        }
        return new AppraisalDecision(signal, Optional.empty(), "住房安全性鉴定为" + grade + "级；"
                + LowIncome.whyNot(notEntitledToPolicy) + "，已告知农户及时修缮");
    }

    public boolean unsafe() {
        return signal != null;
    }

    /** The closing of the assignment when the renovation's work is accepted. */
    public static String completed(HouseGrade grade) {
        return "危房改造竣工，验收为" + grade + "级，住房安全有保障";
    }
}
