package fushun.monitoring.roster;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.monitoring.roster.internal.RosterRules;
import fushun.platform.pii.SyntheticIdNumbers;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RosterRulesTest {

    private final String idNumber = SyntheticIdNumbers.next(new Random(3), "210422");

    private RosterRow row(String name, String relationship) {
        return new RosterRow(2, List.of("H1", "210422100201", "脱贫户", "否", name, idNumber, relationship, "有"));
    }

    @Test
    void shouldKeepAHouseholdWhenItsCellsAreClean() {
        RosterRules.Parsed parsed = RosterRules.parse(List.of(row("张三", "户主")));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.household()).isNotNull();
    }

    @Test
    void shouldReportTheCellAndNotTheValueWhenANameOrRelationshipHoldsAControlCharacter() {
        RosterRules.Parsed parsed = RosterRules.parse(List.of(row("张\u0000三", "户\u001b主")));

        assertThat(parsed.household()).isNull();
        assertThat(parsed.errors()).extracting(RosterRules.RowError::column).containsExactly("姓名", "与户主关系");
        assertThat(parsed.errors()).extracting(RosterRules.RowError::reason).noneMatch(r -> r.contains("张"));
    }
}
