package fushun.monitoring.roster;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged.Kind;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.roster.internal.RosterDiff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RosterDiffTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final String HEAD = "210422198001019017";
    private static final String SPOUSE = "210422198202029027";
    private static final String CHILD = "210422201003039032";
    private static final String BABY = "210422202504049049";

    private static final RosterDiff.Registered REGISTERED = new RosterDiff.Registered(UUID.randomUUID(), "210422100201",
            HouseholdCategory.OUT_OF_POVERTY, false, List.of(
            new RosterDiff.Member(UUID.randomUUID(), HEAD, "张甲", "户主", "FULL"),
            new RosterDiff.Member(UUID.randomUUID(), SPOUSE, "李乙", "配偶", "PARTIAL"),
            new RosterDiff.Member(UUID.randomUUID(), CHILD, "张丙", "子女", "FULL")));

    @Test
    void shouldFindNothingWhenTheRosterSaysWhatTheRegistryHolds() {
        assertThat(diff(file(HouseholdCategory.OUT_OF_POVERTY, false, "210422100201", same())).steps()).isEmpty();
    }

    @Test
    void shouldAddNewbornsRecordDeparturesAndCapacity() {
        List<NewHousehold.NewMember> members = new ArrayList<>(List.of(
                new NewHousehold.NewMember("张甲", HEAD, "户主", "NONE"),
                new NewHousehold.NewMember("李乙", SPOUSE, "配偶", "PARTIAL"),
                new NewHousehold.NewMember("张丁", BABY, "子女", "NONE")));

        RosterDiff.Result result = diff(file(HouseholdCategory.OUT_OF_POVERTY, false, "210422100201", members));

        assertThat(result.steps()).extracting(s -> s.change().kind())
                .containsExactly(Kind.MEMBER_ADDED, Kind.MEMBER_LEFT, Kind.LABOUR_CAPACITY);
        assertThat(result.steps().get(1).memberIdNumber()).isEqualTo(CHILD);
        assertThat(result.steps().get(2).change().labourCapacity()).isEqualTo("NONE");
    }

    @Test
    void shouldMakeTheNewHeadHeadBeforeTheFormerHeadLeaves() {
        List<NewHousehold.NewMember> members = List.of(
                new NewHousehold.NewMember("李乙", SPOUSE, "户主", "PARTIAL"),
                new NewHousehold.NewMember("张丙", CHILD, "子女", "FULL"));

        RosterDiff.Result result = diff(file(HouseholdCategory.OUT_OF_POVERTY, false, "210422100201", members));

        assertThat(result.steps()).extracting(s -> s.change().kind())
                .containsExactly(Kind.HEAD_OF_HOUSEHOLD, Kind.MEMBER_LEFT);
        assertThat(result.steps().get(0).memberIdNumber()).isEqualTo(SPOUSE);
        assertThat(result.steps().get(1).memberIdNumber()).isEqualTo(HEAD);
    }

    @Test
    void shouldApplyTheFlagACorrectableCategoryAndAMoveLast() {
        RosterDiff.Result result = diff(file(HouseholdCategory.ORDINARY, true, "210422100202", same()));

        assertThat(result.steps()).extracting(s -> s.change().kind())
                .containsExactly(Kind.POLICY_FLAG, Kind.CATEGORY, Kind.DIVISION);
    }

    @Test
    void shouldRefuseTheHouseholdWhenTheRosterSetsAMonitoringCategory() {
        RosterDiff.Result result = diff(file(HouseholdCategory.UNSTABLE_OUT_OF_POVERTY, false, "210422100201", same()));

        assertThat(result.refused()).isTrue();
        assertThat(result.refusedColumn()).isEqualTo("农户类别");
        assertThat(result.steps()).isEmpty();
    }

    private static List<NewHousehold.NewMember> same() {
        return List.of(new NewHousehold.NewMember("张甲", HEAD, "户主", "FULL"),
                new NewHousehold.NewMember("李乙", SPOUSE, "配偶", "PARTIAL"),
                new NewHousehold.NewMember("张丙", CHILD, "子女", "FULL"));
    }

    private static NewHousehold file(HouseholdCategory category, boolean notEntitled, String division,
                                     List<NewHousehold.NewMember> members) {
        return new NewHousehold(division, category, notEntitled, members);
    }

    private static RosterDiff.Result diff(NewHousehold file) {
        return RosterDiff.diff(file, REGISTERED, TODAY, "测试");
    }
}
