package fushun.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TableOwnershipTest {

    private static final Path FIXTURE = Path.of("src/test/resources/boundaries-fixture");

    private final TableOwnership fixture = TableOwnership.of("fixture", FIXTURE.resolve("java"),
            FIXTURE.resolve("migration"), Set.of("outbox_event", "received_alert"));

    @Test
    void shouldNameTheClassTheTableAndItsOwnerWhenAFeatureReadsAnotherFeaturesTable() {
        assertThatThrownBy(fixture::check)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.beta.Peeking (feature beta) names table alpha_item, owned by feature alpha");
    }

    @Test
    void shouldPassKnownViolationsButFailOnceOneIsFixedWhenAllowedForNow() {
        String[] known = {
                "beta owns table alpha_item_typo, which no migration creates",
                "table orphan_item has no owner: add it to one feature's @OwnsTables",
                "fixture.beta.Peeking (feature beta) names table alpha_item, owned by feature alpha"};
        fixture.allowingForNow(known).check();

        String gone = "fixture.beta.Gone (feature beta) names table alpha_item, owned by feature alpha";
        String[] stale = {known[0], known[1], known[2], gone};
        assertThatThrownBy(fixture.allowingForNow(stale)::check)
                .hasMessageContaining("take them off the allowingForNow list (1):\n  " + gone);
    }

    @Test
    void shouldHoldEveryCreatedTableToOneOwnerWhenMigrationsAndDeclarationsDisagree() {
        assertThat(fixture.violations()).containsExactlyInAnyOrder(
                "beta owns table alpha_item_typo, which no migration creates",
                "table orphan_item has no owner: add it to one feature's @OwnsTables",
                "fixture.beta.Peeking (feature beta) names table alpha_item, owned by feature alpha");
    }

    @Test
    void shouldReadTheTablesLeftByTheMigrationsWhenSomeAreDroppedOrCommentedOut() {
        assertThat(fixture.createdTables()).containsExactly("alpha_item", "beta_item", "orphan_item");
    }

    @Test
    void shouldFindThePlatformsOwnTablesOnTheClasspath() {
        assertThat(TableOwnership.platformTablesOnClasspath())
                .contains("outbox_event", "inbox_event", "policy_parameter", "received_alert");
    }

    @Test
    void shouldReadStringsAndTextBlocksButNotCommentsOrCharsWhenScanningSource() {
        assertThat(TableOwnership.stringLiterals("""
                // "from a comment"
                char q = '"'; String s = "from one \\" x"; /* "from block" */
                String t = \"""
                    from two
                    \""";
                """)).containsExactly("from one \\\" x", "\n    from two\n    ");
    }
}
