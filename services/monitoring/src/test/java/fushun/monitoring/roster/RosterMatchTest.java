package fushun.monitoring.roster;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.roster.internal.RosterDiff;
import fushun.monitoring.roster.internal.RosterMatch;
import fushun.monitoring.roster.internal.RosterMatch.Kind;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a roster's household meets the registry, one rule a row, in the order the rules apply. */
class RosterMatchTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    // synthetic: the 9xx sequence, which no real person's number uses
    private static final java.util.Random RANDOM = new java.util.Random(16);
    private static final String HEAD = SyntheticIdNumbers.next(RANDOM, "210422");
    private static final String SPOUSE = SyntheticIdNumbers.next(RANDOM, "210422");
    private static final UUID REGISTERED = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Jurisdiction XINBIN = Jurisdiction.of("210422");

    static Stream<Arguments> rules() {
        NewHousehold same = file("210422100201", "FULL");
        return Stream.of(
                Arguments.of("nobody of it registered", same, List.of(), Set.of(), Set.of(), XINBIN, Kind.REGISTER, null),
                Arguments.of("members in two households", same, List.of(REGISTERED, OTHER), Set.of(), Set.of(), XINBIN,
                        Kind.REFUSED, "本户成员分属多个已登记农户"),
                Arguments.of("an earlier household of the file matched it", same, List.of(REGISTERED), Set.of(REGISTERED),
                        Set.of(), XINBIN, Kind.REFUSED, "本户成员已在本文件的其他户中出现"),
                Arguments.of("registered outside the importer's area", same, List.of(REGISTERED), Set.of(), Set.of(),
                        Jurisdiction.of("210423"), Kind.REFUSED, "本户成员已在其他农户中登记"),
                Arguments.of("the file moves it outside the importer's area", file("210423100201", "FULL"),
                        List.of(REGISTERED), Set.of(), Set.of(), XINBIN, Kind.REFUSED, "本户成员已在其他农户中登记"),
                Arguments.of("a member recorded as gone comes back", same, List.of(REGISTERED), Set.of(), Set.of(SPOUSE),
                        XINBIN, Kind.REFUSED, "名单中有本户已登记减少（死亡、迁出等）的成员；如确已回迁，请单独登记成员增加"),
                Arguments.of("the same as registered", same, List.of(REGISTERED), Set.of(), Set.of(), XINBIN,
                        Kind.UNCHANGED, null),
                Arguments.of("a capacity differs", file("210422100201", "NONE"), List.of(REGISTERED), Set.of(), Set.of(),
                        XINBIN, Kind.CHANGE, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldDecideAsTheRuleSaysWhenTheRegistryHoldsThis(String when, NewHousehold file, List<UUID> matched,
                                                          Set<UUID> touched, Set<String> departed,
                                                          Jurisdiction jurisdiction, Kind kind, String refusal) {
        RosterMatch.Decision decision = RosterMatch.decide(file, matched, touched::contains,
                id -> new RosterMatch.Registered(registered(), departed), jurisdiction, TODAY, "花名册导入");

        assertThat(decision.kind()).isEqualTo(kind);
        assertThat(decision.refusal()).isEqualTo(refusal);
        if (kind == Kind.UNCHANGED || kind == Kind.CHANGE) {
            assertThat(decision.householdId()).isEqualTo(REGISTERED);
            assertThat(decision.steps().isEmpty()).isEqualTo(kind == Kind.UNCHANGED);
        }
    }

    private static NewHousehold file(String division, String spouseCapacity) {
        return new NewHousehold(division, HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("张甲", HEAD, "户主", "FULL"),
                new NewHousehold.NewMember("李乙", SPOUSE, "配偶", spouseCapacity)));
    }

    private static RosterDiff.Registered registered() {
        return new RosterDiff.Registered(REGISTERED, "210422100201", HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new RosterDiff.Member(UUID.randomUUID(), HEAD, "张甲", "户主", "FULL"),
                new RosterDiff.Member(UUID.randomUUID(), SPOUSE, "李乙", "配偶", "FULL")));
    }
}
