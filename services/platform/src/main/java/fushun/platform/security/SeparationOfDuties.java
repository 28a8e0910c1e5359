package fushun.platform.security;

import fushun.platform.web.ForbiddenException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Separation of duties (职责分离, 四眼原则) on decisions about money and status: whoever submitted or
 * recorded a matter, or already reviewed it, takes no later step on that same matter; whoever
 * appraised a house or started its renovation does not accept the work (the subsidy is paid on it);
 * whoever hired a public-welfare post's holder does not record their attendance (it earns the
 * subsidy). The caller names the earlier steps that bar the one attempted. Roles say who
 * may take a step at all; this rule says who may not take it on one record. People are compared by
 * the name the services record for each step (the token's {@code preferred_username}, which users
 * cannot change in the realm), ignoring case as Keycloak does.
 */
public final class SeparationOfDuties {

    /**
     * A step on a matter, in Chinese and English words for the refusal: "{matter}由您本人{step}" and
     * "You {past} {matter} yourself, so you cannot {verb} it". The words of the housing and
     * employment steps read with their matters: a house (该户住房, this house) and a post holder's
     * hire (该岗位人员, this hire).
     */
    public enum Step {
        SUBMIT("提交", "submitted", "submit"),
        RECORD("经办", "recorded", "record"),
        REVIEW("审核", "reviewed", "review"),
        APPROVE("审批", "approved", "approve"),
        /** A house's safety appraisal (鉴定), whose grade sets its renovation and subsidy. */
        APPRAISE("鉴定", "appraised", "appraise"),
        /** A renovation's start (开工), recorded with its subsidy. */
        START_WORK("登记开工", "started the work on", "start the work on"),
        /** A renovation's completion inspection (竣工验收), on which its subsidy is paid. */
        ACCEPT_WORK("竣工验收", "accepted the work on", "accept the work on"),
        /** Hiring a person onto a public-welfare post (聘用). */
        HIRE("聘用", "made", "make"),
        /** A month's attendance on a public-welfare post (登记考勤), which earns its subsidy. */
        RECORD_ATTENDANCE("登记考勤", "recorded attendance on", "record attendance on");

        private final String chinese;
        private final String pastTense;
        private final String verb;

        Step(String chinese, String pastTense, String verb) {
            this.chinese = chinese;
            this.pastTense = pastTense;
            this.verb = verb;
        }
    }

    /**
     * What the steps are taken on, e.g. 该申请 / this application, and the rule in a sentence for
     * the refusal, e.g. 鉴定或登记开工的人不能竣工验收 / whoever appraised the house or started the
     * work does not accept it.
     */
    public record Matter(String chinese, String english, String ruleChinese, String ruleEnglish) {

        /** A matter of civil affairs' chain: submitted (recorded), reviewed and approved by different people. */
        public Matter(String chinese, String english) {
            this(chinese, english, "提交（经办）、审核、审批须由不同的人完成",
                    "submitting (recording), reviewing and approving are done by different people");
        }
    }

    /** A step already taken on the matter, and by whom; {@code by} null when nobody took it. */
    public record Taken(Step step, String by) {
    }

    /** Why the caller may not take the step: a title and a detail in Chinese and English. */
    public record Refusal(String title, String detail) {
    }

    static final String TITLE = "职责分离（四眼原则）";

    private static final Logger log = LoggerFactory.getLogger(SeparationOfDuties.class);

    private SeparationOfDuties() {
    }

    /**
     * The refusal when {@code caller} took one of the {@code taken} steps on the matter (the first
     * such step), or is unknown; empty when someone else may now take {@code step}.
     */
    public static Optional<Refusal> refusal(Step step, String caller, Matter matter, Taken... taken) {
        if (caller == null || caller.isBlank()) {
            return Optional.of(new Refusal(TITLE, "无法确认操作人，不能对" + matter.chinese() + step.chinese
                    + "。The caller's identity is unknown, so they cannot " + step.verb + " " + matter.english() + "."));
        }
        for (Taken earlier : taken) {
            if (earlier.by() != null && earlier.by().strip().equalsIgnoreCase(caller.strip())) {
                return Optional.of(new Refusal(TITLE, matter.chinese() + "由您本人" + earlier.step().chinese + "，您不能再"
                        + step.chinese + "：" + matter.ruleChinese() + "。You " + earlier.step().pastTense + " "
                        + matter.english() + " yourself, so you cannot " + step.verb + " it: " + matter.ruleEnglish() + "."));
            }
        }
        return Optional.empty();
    }

    /** {@link #refusal}, logged (a refused attempt is worth a look) and thrown as a 403 problem. */
    public static void require(Step step, String caller, Matter matter, Taken... taken) {
        refusal(step, caller, matter, taken).ifPresent(r -> {
            log.warn("Separation of duties refused '{}' to {} {}", caller, step.verb, matter.english());
            throw new ForbiddenException(r.title(), r.detail());
        });
    }
}
