package fushun.monitoring.household;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged.Kind;
import fushun.contracts.monitoring.HouseholdChanged.Reason;
import fushun.monitoring.household.ChangeRules.Field;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final UUID HEAD = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SPOUSE = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID GONE = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID NEW = UUID.fromString("00000000-0000-4000-8000-000000000009");
    /** A synthetic number with a valid check digit and birth date. */
    private static final String NEWBORN = "210422202610019011";

    private static final HouseholdState HOUSEHOLD = new HouseholdState("210422100201", HouseholdCategory.OUT_OF_POVERTY,
            false, "张示例", List.of(
            new HouseholdState.MemberState(HEAD, "张示例", "户主", "FULL", true, null),
            new HouseholdState.MemberState(SPOUSE, "李示例", "配偶", "PARTIAL", true, null),
            new HouseholdState.MemberState(GONE, "王示例", "子女", "FULL", false, null)));

    @ParameterizedTest(name = "{0} {1} on {2} -> refused: {3}")
    @CsvSource({
            "MEMBER_LEFT, DEATH, 2026-11-20, ''",
            "MEMBER_LEFT, DEATH, 2026-11-21, 生效日期无效",
            "MEMBER_LEFT, DEATH, 2013-12-31, 生效日期无效",
            "MEMBER_LEFT, DEATH, 2014-01-01, ''",
            "MEMBER_LEFT, BIRTH, 2026-11-01, 变动原因不符",
            "MEMBER_ADDED, DEATH, 2026-11-01, 变动原因不符",
            "LABOUR_CAPACITY, REASSESSED, 2026-11-01, ''",
            "DIVISION, RELOCATION, 2026-11-01, ''",
            "DIVISION, DEATH, 2026-11-01, 变动原因不符",
            "CATEGORY, POLICY_DECISION, 2026-11-01, 变动原因不符"})
    void shouldAcceptOnlyTheKindsReasonsAndDatesThePolicyAllows(Kind kind, Reason reason, LocalDate on, String refusal) {
        HouseholdChange change = new HouseholdChange(kind, reason, on, SPOUSE, null, "NONE", null, null, "210423100201",
                null, null, null);

        ChangeRules.Decision decision = ChangeRules.decide(HOUSEHOLD, change, NEW, TODAY);

        assertThat(decision.refused() ? decision.refusalTitle() : "").isEqualTo(refusal);
    }

    @Test
    void shouldMarkAMemberLeftWhenTheyDie() {
        var decision = ChangeRules.decide(HOUSEHOLD, change(Kind.MEMBER_LEFT, Reason.DEATH, SPOUSE), NEW, TODAY);

        assertThat(decision.fields()).containsExactly(new ChangeRules.FieldChange(SPOUSE, Field.STATUS, "ACTIVE", "LEFT"));
        assertThat(decision.summary()).contains("李示例", "死亡");
    }

    @Test
    void shouldRefuseTheHeadLeavingWhileOthersRemain() {
        var decision = ChangeRules.decide(HOUSEHOLD, change(Kind.MEMBER_LEFT, Reason.DEATH, HEAD), NEW, TODAY);

        assertThat(decision.refusalTitle()).isEqualTo("请先变更户主");
    }

    @Test
    void shouldRefuseAChangeToAMemberWhoAlreadyLeft() {
        var decision = ChangeRules.decide(HOUSEHOLD, change(Kind.MEMBER_LEFT, Reason.DEATH, GONE), NEW, TODAY);

        assertThat(decision.refusalTitle()).isEqualTo("成员不存在");
    }

    @Test
    void shouldMakeTheFormerHeadTakeTheGivenRelationshipWhenTheHeadChanges() {
        HouseholdChange change = new HouseholdChange(Kind.HEAD_OF_HOUSEHOLD, Reason.REASSESSED, TODAY, SPOUSE, null, null,
                null, "配偶", null, null, null, null);

        var decision = ChangeRules.decide(HOUSEHOLD, change, NEW, TODAY);

        assertThat(decision.fields()).containsExactly(
                new ChangeRules.FieldChange(HEAD, Field.RELATIONSHIP, "户主", "配偶"),
                new ChangeRules.FieldChange(SPOUSE, Field.RELATIONSHIP, "配偶", "户主"),
                new ChangeRules.FieldChange(null, Field.HEAD_NAME, "张示例", "李示例"));
    }

    @Test
    void shouldRefuseAHeadChangeWithoutTheFormerHeadsRelationship() {
        HouseholdChange change = new HouseholdChange(Kind.HEAD_OF_HOUSEHOLD, Reason.REASSESSED, TODAY, SPOUSE, null, null,
                null, "户主", null, null, null, null);

        assertThat(ChangeRules.decide(HOUSEHOLD, change, NEW, TODAY).refusalTitle()).isEqualTo("须填写原户主与新户主的关系");
    }

    @ParameterizedTest(name = "newborn {0} relationship {1} -> refused: {2}")
    @CsvSource({
            "210422202610019011, 子女, ''",
            "210422202610019010, 子女, 身份证号无效",
            "210422202610019011, 户主, 户主已存在"})
    void shouldAddAMemberWithAValidIdNumber(String idNumber, String relationship, String refusal) {
        HouseholdChange change = new HouseholdChange(Kind.MEMBER_ADDED, Reason.BIRTH, TODAY, null,
                new NewHousehold.NewMember("张新生", idNumber, relationship, "NONE"), null, null, null, null, null, null, null);

        var decision = ChangeRules.decide(HOUSEHOLD, change, NEW, TODAY);

        assertThat(decision.refused() ? decision.refusalTitle() : "").isEqualTo(refusal);
        if (!decision.refused()) {
            assertThat(decision.fields()).containsExactly(new ChangeRules.FieldChange(NEW, Field.PRESENCE, null, "ACTIVE"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1} corrected by a cadre: {2}")
    @CsvSource({
            "OUT_OF_POVERTY, ORDINARY, true",
            "ORDINARY, OUT_OF_POVERTY, true",
            "ORDINARY, MARGINAL, false",
            "OUT_OF_POVERTY, UNSTABLE_OUT_OF_POVERTY, false",
            "MARGINAL, ORDINARY, false",
            "OUT_OF_POVERTY, OUT_OF_POVERTY, false"})
    void shouldLetACadreCorrectOnlyCategoriesOutsideMonitoring(HouseholdCategory from, HouseholdCategory to, boolean allowed) {
        HouseholdState household = new HouseholdState("210422100201", from, false, "张示例", HOUSEHOLD.members());
        HouseholdChange change = new HouseholdChange(Kind.CATEGORY, Reason.CORRECTION, TODAY, null, null, null, null, null,
                null, null, to, null);

        assertThat(ChangeRules.decide(household, change, NEW, TODAY).refused()).isEqualTo(!allowed);
        assertThat(CategoryRules.cadreMayCorrect(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "the county may name {1} for a {0}: {2}")
    @CsvSource({
            "OUT_OF_POVERTY, UNSTABLE_OUT_OF_POVERTY, true",
            "OUT_OF_POVERTY, MARGINAL, false",
            "OUT_OF_POVERTY, SUDDEN_SEVERE_DIFFICULTY, false",
            "ORDINARY, MARGINAL, true",
            "ORDINARY, SUDDEN_SEVERE_DIFFICULTY, true",
            "ORDINARY, UNSTABLE_OUT_OF_POVERTY, false",
            "ORDINARY, OUT_OF_POVERTY, false",
            "ORDINARY, ORDINARY, false"})
    void shouldLetTheCountyNameOnlyTheCategoryTheHouseholdCanTake(HouseholdCategory from, HouseholdCategory to,
                                                                 boolean allowed) {
        assertThat(CategoryRules.countyMayName(from).contains(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "division {0} -> refused: {1}")
    @CsvSource({"210423100201, ''", "210402001001, ''", "210422100201, 没有变化", "110101100201, 行政区划无效",
            "2104231002, 行政区划无效", "210499100201, 行政区划无效"})
    void shouldMoveOnlyToAnotherVillageOfFushun(String division, String refusal) {
        HouseholdChange change = new HouseholdChange(Kind.DIVISION, Reason.RELOCATION, TODAY, null, null, null, null, null,
                division, null, null, null);

        var decision = ChangeRules.decide(HOUSEHOLD, change, NEW, TODAY);

        assertThat(decision.refused() ? decision.refusalTitle() : "").isEqualTo(refusal);
    }

    private static HouseholdChange change(Kind kind, Reason reason, UUID member) {
        return new HouseholdChange(kind, reason, TODAY, member, null, null, null, null, null, null, null, null);
    }
}
