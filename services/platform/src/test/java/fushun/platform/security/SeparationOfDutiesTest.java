package fushun.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.platform.security.SeparationOfDuties.Matter;
import fushun.platform.security.SeparationOfDuties.Step;
import fushun.platform.security.SeparationOfDuties.Taken;
import fushun.platform.web.ForbiddenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeparationOfDutiesTest {

    private static final Matter APPLICATION = new Matter("该申请", "this application");

    /**
     * step: the one attempted; submitter, reviewer: who took the earlier steps (empty: nobody yet);
     * refusedFor: the earlier step the caller took, or empty when the caller may act.
     */
    @ParameterizedTest(name = "{1} wants to {0} (submitted by {2}, reviewed by {3}): refused for {4}")
    @CsvSource({
            "REVIEW,  operator,  operator, ,         SUBMIT",
            "REVIEW,  reviewer,  operator, ,         ''",
            "APPROVE, operator,  operator, reviewer, SUBMIT",
            "APPROVE, reviewer,  operator, reviewer, REVIEW",
            "APPROVE, approver,  operator, reviewer, ''",
            "APPROVE, Operator,  operator, reviewer, SUBMIT",
            "APPROVE, ' approver', operator, APPROVER, REVIEW",
            "APPROVE, approver,  ,         ,         ''",
            "REVIEW,  operator-2, operator, ,        ''"})
    void shouldRefuseWhenTheCallerTookAnEarlierStepOnTheSameMatter(Step step, String caller, String submitter,
                                                                   String reviewer, String refusedFor) {
        var refusal = SeparationOfDuties.refusal(step, caller, APPLICATION,
                new Taken(Step.SUBMIT, submitter), new Taken(Step.REVIEW, reviewer));

        if (refusedFor.isEmpty()) {
            assertThat(refusal).isEmpty();
        } else {
            Step earlier = Step.valueOf(refusedFor);
            assertThat(refusal).hasValueSatisfying(r -> {
                assertThat(r.title()).isEqualTo("职责分离（四眼原则）");
                assertThat(r.detail()).contains("该申请由您本人" + (earlier == Step.SUBMIT ? "提交" : "审核"))
                        .contains("You " + (earlier == Step.SUBMIT ? "submitted" : "reviewed") + " this application yourself")
                        .contains("cannot " + step.name().toLowerCase());
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"RECORD, REVIEW, recorder, recorder, true", "RECORD, REVIEW, recorder, reviewer, false"})
    void shouldKeepAPayoutsRecorderFromReviewingIt(Step done, Step attempted, String recorder, String caller,
                                                  boolean refused) {
        var refusal = SeparationOfDuties.refusal(attempted, caller, new Matter("该笔支付", "this payout"),
                new Taken(done, recorder));

        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(r -> assertThat(r.detail()).contains("该笔支付由您本人经办").contains("You recorded this payout"));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "'  '"}, nullValues = "NULL")
    void shouldRefuseAnUnknownCaller(String caller) {
        assertThat(SeparationOfDuties.refusal(Step.APPROVE, caller, APPLICATION, new Taken(Step.SUBMIT, "operator")))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("无法确认操作人，不能对该申请审批")
                        .contains("identity is unknown, so they cannot approve this application"));
    }

    private static final Matter HOUSE = new Matter("该户住房", "this house", "竣工验收须由鉴定和登记开工以外的人完成",
            "the work is accepted by someone other than who appraised the house and who started the work");

    /**
     * caller accepts the work on a renovation; appraiser, starter: who appraised the house and
     * started the work (empty: not on record); refusedFor: the earlier step the caller took, or empty.
     */
    @ParameterizedTest(name = "{0} wants to accept the work (appraised by {1}, started by {2}): refused for {3}")
    @CsvSource({
            "inspector-b, inspector-a, inspector-a, ''",
            "inspector-a, inspector-a, inspector-a, APPRAISE",
            "inspector-a, inspector-a, inspector-b, APPRAISE",
            "inspector-b, inspector-a, inspector-b, START_WORK",
            "Inspector-B, inspector-a, inspector-b, START_WORK",
            "inspector-c, inspector-a, inspector-b, ''",
            "inspector-a, inspector-a, ,            APPRAISE",
            "inspector-b, inspector-a, ,            ''"})
    void shouldKeepWhoeverAppraisedTheHouseOrStartedTheWorkFromAcceptingIt(String caller, String appraiser,
                                                                         String starter, String refusedFor) {
        var refusal = SeparationOfDuties.refusal(Step.ACCEPT_WORK, caller, HOUSE,
                new Taken(Step.APPRAISE, appraiser), new Taken(Step.START_WORK, starter));

        if (refusedFor.isEmpty()) {
            assertThat(refusal).isEmpty();
        } else if (Step.valueOf(refusedFor) == Step.APPRAISE) {
            assertThat(refusal).hasValueSatisfying(r -> assertThat(r.detail())
                    .contains("该户住房由您本人鉴定，您不能再竣工验收：竣工验收须由鉴定和登记开工以外的人完成。")
                    .contains("You appraised this house yourself, so you cannot accept the work on it: the work is "
                            + "accepted by someone other than who appraised the house and who started the work."));
        } else {
            assertThat(refusal).hasValueSatisfying(r -> assertThat(r.detail())
                    .contains("该户住房由您本人登记开工，您不能再竣工验收")
                    .contains("You started the work on this house yourself, so you cannot accept the work on it"));
        }
    }

    @ParameterizedTest(name = "{0} records attendance on a hire made by {1}: refused {2}")
    @CsvSource({"hr-a, hr-a, true", "HR-A, hr-a, true", "hr-b, hr-a, false", "hr-b, , false"})
    void shouldKeepWhoeverMadeAHireFromRecordingItsAttendance(String caller, String hirer, boolean refused) {
        var refusal = SeparationOfDuties.refusal(Step.RECORD_ATTENDANCE, caller, new Matter("该岗位人员", "this hire",
                        "考勤须由聘用人以外的人登记", "attendance is recorded by someone other than who made the hire"),
                new Taken(Step.HIRE, hirer));

        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(r -> assertThat(r.detail())
                .contains("该岗位人员由您本人聘用，您不能再登记考勤：考勤须由聘用人以外的人登记。")
                .contains("You made this hire yourself, so you cannot record attendance on it: attendance is recorded "
                        + "by someone other than who made the hire."));
    }

    @Test
    void shouldKeepTheCivilAffairsRuleForAMatterNamedWithoutOne() {
        assertThat(SeparationOfDuties.refusal(Step.APPROVE, "operator", APPLICATION, new Taken(Step.SUBMIT, "operator")))
                .hasValueSatisfying(r -> assertThat(r.detail()).isEqualTo("该申请由您本人提交，您不能再审批："
                        + "提交（经办）、审核、审批须由不同的人完成。You submitted this application yourself, so you cannot "
                        + "approve it: submitting (recording), reviewing and approving are done by different people."));
    }

    @ParameterizedTest
    @CsvSource({"operator, true", "approver, false"})
    void shouldThrowForbiddenWhenRequiredAndRefused(String caller, boolean thrown) {
        Runnable check = () -> SeparationOfDuties.require(Step.APPROVE, caller, APPLICATION,
                new Taken(Step.SUBMIT, "operator"));
        if (thrown) {
            assertThatThrownBy(check::run).isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("该申请由您本人提交");
        } else {
            check.run();
        }
    }
}
