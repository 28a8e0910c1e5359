package fushun.assetmanagement.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.security.Jurisdiction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalLevelTest {

    @ParameterizedTest(name = "{0} of {1} requests, {2} of {3} decides -> {4}")
    @CsvSource({
            // requested by | requester's division | decided by | decider's division | refusal (audit words)
            // a village's request: its township or county or the city decides
            "cun,    210422100201, xiang,  210422100000, ''",
            "cun,    210422100201, xian,   210422000000, ''",
            "cun,    210422100201, xian,   210422,       ''",
            "cun,    210422100201, shi,    210400,       ''",
            // a township's request: its county decides, not another township or a village of its own
            "xiang,  210422100000, xian,   210422,       ''",
            "xiang,  210422100000, xiang2, 210422100000, 审批人须为申请人的上级",
            "xiang,  210422100000, cun,    210422100201, 审批人须为申请人的上级",
            // the same level, a neighbouring township, another county: nobody of those decides
            "cun,    210422100201, cun2,   210422100202, 审批人须为申请人的上级",
            "cun,    210422100201, xiang,  210422101000, 审批人须为申请人的上级",
            "cun,    210422100201, xian,   210423,       审批人须为申请人的上级",
            "xian,   210422,       xian2,  210422,       审批人须为申请人的上级",
            // a county's request goes to the city
            "xian,   210422,       shi,    210400,       ''",
            // never the requester, even at a higher level now (four eyes first)
            "xian,   210422100201, xian,   210422,       审批人不能是申请人本人",
            "xian,   210422100201, ' XIAN ', 210422,     审批人不能是申请人本人",
            // a decider without a division decides nothing
            "cun,    210422100201, nobody, ,             审批人须为申请人的上级"})
    void shouldLetOnlySomeoneElseALevelAboveDecideWhenAChangeIsRequested(String requestedBy, String requesterDivision,
                                                                      String by, String deciderDivision, String refusal) {
        Jurisdiction decider = deciderDivision == null ? Jurisdiction.NONE : Jurisdiction.of(deciderDivision);

        var decision = ApprovalLevel.refusal(requestedBy, requesterDivision, by, decider);

        assertThat(decision.map(ApprovalLevel.Refusal::audit).orElse("")).isEqualTo(refusal);
        decision.ifPresent(r -> assertThat(r.title()).isIn("无权审批", "职责分离（四眼原则）"));
    }
}
