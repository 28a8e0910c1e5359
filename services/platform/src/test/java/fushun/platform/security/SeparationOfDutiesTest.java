package fushun.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.platform.security.SeparationOfDuties.Matter;
import fushun.platform.security.SeparationOfDuties.Step;
import fushun.platform.security.SeparationOfDuties.Taken;
import fushun.platform.web.ForbiddenException;
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
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("无法确认操作人").contains("identity is unknown"));
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
