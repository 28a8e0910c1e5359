package fushun.housingsafety.appraisal;

import fushun.platform.security.SeparationOfDuties;
import fushun.platform.security.SeparationOfDuties.Step;
import fushun.platform.security.SeparationOfDuties.Taken;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A renovation's steps: planned (by the appraisal) → started → completed, the completion being its
 * acceptance (竣工验收) on which the subsidy is paid. Four eyes (职责分离): whoever appraised the house
 * or started the work does not accept it. Pure: each step's refusal, or none.
 */
public final class RenovationSteps {

    public enum Status { PLANNED, STARTED, COMPLETED }

    /** Why a step is refused; {@code forbidden} for a four-eyes refusal (403), otherwise a rule (422). */
    public record Refusal(boolean forbidden, String title, String detail) {
    }

    /** The matter of a renovation's four eyes, and its rule in the words of the refusal. */
    static final SeparationOfDuties.Matter HOUSE = new SeparationOfDuties.Matter("该户住房", "this house",
            "竣工验收须由鉴定和登记开工以外的人完成",
            "the work is accepted by someone other than who appraised the house and who started the work");

    private RenovationSteps() {
    }

    public static Optional<Refusal> toStart(Status status) {
        if (status != Status.PLANNED) {
            return rule("改造已开工", "该户改造已经开工或竣工。");
        }
        return Optional.empty();
    }

    /**
     * @param appraisedBy who recorded the appraisal that opened the renovation
     * @param startedBy   who recorded the start (null for works started before it was recorded)
     */
    public static Optional<Refusal> toComplete(Status status, String appraisedBy, String startedBy, LocalDate startedOn,
                                               String by, HouseGrade grade, LocalDate completedOn) {
        if (status != Status.STARTED) {
            return rule("改造未开工", "只有已开工的改造才能竣工验收。");
        }
        Optional<SeparationOfDuties.Refusal> fourEyes = SeparationOfDuties.refusal(Step.ACCEPT_WORK, by, HOUSE,
                new Taken(Step.APPRAISE, appraisedBy), new Taken(Step.START_WORK, startedBy));
        if (fourEyes.isPresent()) {
            return Optional.of(new Refusal(true, fourEyes.get().title(), fourEyes.get().detail()));
        }
        if (!grade.acceptable()) {
            return rule("验收不合格", "竣工验收须达到A级或B级（安全或基本安全），否则不能竣工。");
        }
        if (completedOn.isBefore(startedOn)) {
            return rule("日期有误", "竣工日期不能早于开工日期。");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> rule(String title, String detail) {
        return Optional.of(new Refusal(false, title, detail));
    }
}
