package fushun.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.EventCodec;
import fushun.contracts.monitoring.HouseholdChanged;
import fushun.contracts.monitoring.HouseholdRegistered;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tests' changes must be events monitoring could publish: each conforms to the contract's schema. */
class HouseholdChangesTest {

    @Test
    void shouldBuildChangesThatConformToTheContractRevisionByRevision() {
        HouseholdRegistered registered = Events.household(UUID.randomUUID(), "张示例");
        UUID head = registered.members().get(0).personId();
        HouseholdChanges changes = HouseholdChanges.of(registered);
        UUID child = UUID.randomUUID();

        List<HouseholdChanged> all = List.of(
                changes.memberAdded(child, "1".repeat(64), "张小例", "子女", "NONE", HouseholdChanged.Reason.BIRTH,
                        LocalDate.parse("2026-11-01")),
                changes.memberLeft(head, HouseholdChanged.Reason.DEATH, LocalDate.parse("2026-11-18")),
                changes.movedTo("210423100201", LocalDate.parse("2026-11-25")),
                changes.policyFlag(true, LocalDate.parse("2026-11-28")));

        EventCodec codec = new EventCodec();
        all.forEach(c -> ContractSchemas.assertConforms(codec.write(HouseholdChanges.envelope(c))));
        assertThat(all).extracting(HouseholdChanged::revision).containsExactly(1, 2, 3, 4);
        HouseholdChanged moved = all.get(2);
        assertThat(moved.previousDivisionCode()).isEqualTo("210422100201");
        assertThat(moved.activeMembers()).extracting(HouseholdChanged.Member::personId).containsExactly(child);
        assertThat(moved.members()).filteredOn(m -> !m.active()).singleElement()
                .satisfies(m -> assertThat(m.leftOn()).isEqualTo(LocalDate.parse("2026-11-18")));
        assertThat(all.get(3).notEntitledToPolicy()).isTrue();
        // years of birth travel with the members: the registered ones' kept, a newborn's the year of birth
        assertThat(all.get(3).members()).extracting(HouseholdChanged.Member::birthYear)
                .containsExactlyElementsOf(java.util.stream.Stream.concat(
                        registered.members().stream().map(HouseholdRegistered.Member::birthYear),
                        java.util.stream.Stream.of(2026)).toList());
    }
}
