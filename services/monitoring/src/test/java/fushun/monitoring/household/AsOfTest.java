package fushun.monitoring.household;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.monitoring.household.AsOf.RecordedField;
import fushun.monitoring.household.ChangeRules.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsOfTest {

    private static final UUID HEAD = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SPOUSE = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID BABY = UUID.fromString("00000000-0000-4000-8000-000000000003");

    /** Today: moved to 清原 on 1 June, the spouse died on 1 March, a baby born on 1 May, the head's capacity PARTIAL from 1 April then NONE from 1 August. */
    private static final HouseholdView NOW = new HouseholdView(UUID.randomUUID(), "210423100201", "OUT_OF_POVERTY", false,
            "张示例", Instant.parse("2025-01-01T00:00:00Z"), 6, null, List.of(
            member(HEAD, "户主", "NONE", "ACTIVE"), member(SPOUSE, "配偶", "FULL", "LEFT"), member(BABY, "子女", null, "ACTIVE")),
            List.of(), false);

    private static final List<RecordedField> CHANGES = List.of(
            new RecordedField(2, LocalDate.of(2026, 3, 1), SPOUSE, Field.STATUS, "ACTIVE", "LEFT"),
            new RecordedField(3, LocalDate.of(2026, 4, 1), HEAD, Field.LABOUR_CAPACITY, "FULL", "PARTIAL"),
            new RecordedField(4, LocalDate.of(2026, 5, 1), BABY, Field.PRESENCE, null, "ACTIVE"),
            new RecordedField(5, LocalDate.of(2026, 6, 1), null, Field.DIVISION, "210422100201", "210423100201"),
            new RecordedField(6, LocalDate.of(2026, 8, 1), HEAD, Field.LABOUR_CAPACITY, "PARTIAL", "NONE"));

    @ParameterizedTest(name = "as of {0}: {1}, {2} members, spouse {3}, head capacity {4}")
    @CsvSource({
            "2026-02-28, 210422100201, 2, ACTIVE, FULL",
            "2026-03-01, 210422100201, 2, LEFT, FULL",
            "2026-04-15, 210422100201, 2, LEFT, PARTIAL",
            "2026-05-01, 210422100201, 3, LEFT, PARTIAL",
            "2026-06-01, 210423100201, 3, LEFT, PARTIAL",
            "2026-09-01, 210423100201, 3, LEFT, NONE"})
    void shouldUndoTheChangesEffectiveAfterTheDay(LocalDate day, String division, int members, String spouse,
                                                  String headCapacity) {
        List<RecordedField> later = CHANGES.stream().filter(f -> f.effectiveOn().isAfter(day)).toList();

        HouseholdView then = AsOf.undo(NOW, later, day);

        assertThat(then.divisionCode()).isEqualTo(division);
        assertThat(then.members()).hasSize(members);
        assertThat(then.members()).filteredOn(m -> m.id().equals(SPOUSE)).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(spouse));
        assertThat(then.members()).filteredOn(m -> m.id().equals(HEAD)).singleElement()
                .satisfies(m -> assertThat(m.labourCapacity()).isEqualTo(headCapacity));
        assertThat(then.asOf()).isEqualTo(day);
    }

    private static HouseholdView.MemberView member(UUID id, String relationship, String capacity, String status) {
        return new HouseholdView.MemberView(id, "成员", "2104**********0013", relationship, capacity, status, null,
                "LEFT".equals(status) ? LocalDate.of(2026, 3, 1) : null, "LEFT".equals(status) ? "DEATH" : null);
    }
}
