package fushun.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.pii.ResidentIdNumbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCityTest {

    @Test
    void shouldWriteTheSameRosterWhenTheSeedIsTheSame(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        new SyntheticCity(7, 2_000, 50).writeRoster(first);
        new SyntheticCity(7, 2_000, 50).writeRoster(second);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @Test
    void shouldWriteAnotherCityWhenTheSeedDiffers(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        new SyntheticCity(7, 500, 0).writeRoster(first);
        new SyntheticCity(8, 500, 0).writeRoster(second);

        assertThat(Files.mismatch(first, second)).isNotEqualTo(-1L);
    }

    @Test
    void shouldWriteTheAskedHouseholdsWhenGivenASize(@TempDir Path dir) throws Exception {
        SyntheticCity city = new SyntheticCity(20261202, 3_000, 100);
        Path file = dir.resolve("roster.csv");

        long rows = city.writeRoster(file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(String.join(",", SyntheticCity.HEADER));
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(rows).isEqualTo(city.rows());
        Set<String> households = new HashSet<>();
        int heads = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(8);
            households.add(cells[0]);
            heads += cells[6].equals("户主") ? 1 : 0;
            assertThat(cells[1]).matches("2104\\d{8}");
        }
        assertThat(households).hasSize(3_100);
        assertThat(heads).isEqualTo(3_100);
        assertThat(city.households()).isEqualTo(3_000);
        assertThat(city.latencyHouseholds()).isEqualTo(100);
    }

    @Test
    void shouldGiveUniqueSyntheticIdNumbersThatPassTheCheckDigit() {
        SyntheticCity city = new SyntheticCity(1, 20_000, 1_000);
        Set<String> seen = new HashSet<>();
        for (int person = 0; person < city.rows(); person++) {
            String number = city.idNumber(person);
            assertThat(ResidentIdNumbers.isValid(number)).as(number).isTrue();
            assertThat(number.substring(14, 15)).as("the synthetic 9xx sequence").isEqualTo("9");
            assertThat(seen.add(number)).as("unique: " + number).isTrue();
        }
        for (int n = 0; n < 1_000; n++) {
            String number = city.unknownIdNumber(n);
            assertThat(ResidentIdNumbers.isValid(number)).isTrue();
            assertThat(number).startsWith(SyntheticCity.UNKNOWN_COUNTY);
            assertThat(seen.add(number)).as("unknown persons are not on the roster").isTrue();
        }
    }

    @Test
    void shouldFindAPersonsHouseholdWhenGivenTheirNumber() {
        SyntheticCity city = new SyntheticCity(3, 1_000, 10);
        for (int h = 0; h < 1_010; h++) {
            for (int m = 0; m < city.members(h); m++) {
                assertThat(city.householdOf(city.firstPerson(h) + m)).isEqualTo(h);
            }
        }
        assertThat(city.members(1_005)).isEqualTo(1);
    }

    @Test
    void shouldNameTheLatencyPoolsHeadsSoTheirHouseholdsCanBeFound() {
        SyntheticCity city = new SyntheticCity(3, 100, 10);
        String head = city.name(city.firstPerson(100 + 7));

        assertThat(SyntheticCity.latencyIndexOf(head)).isEqualTo(7);
        assertThat(SyntheticCity.latencyIndexOf(city.name(0))).isEqualTo(-1);
    }

    @Test
    void shouldPutEveryOtherSettlementOnARegisteredMemberWhenBuildingABatch() {
        SyntheticCity city = new SyntheticCity(5, 1_000, 0);
        String batch = CityBenchmark.settlementBatch(city, 0, 1_000, java.time.YearMonth.of(2026, 11));

        var rows = Gateway.JSON.readTree(batch).get("settlements");
        assertThat(rows.size()).isEqualTo(1_000);
        int unknown = 0;
        int high = 0;
        for (var row : rows) {
            unknown += row.get("idNumber").asString().startsWith(SyntheticCity.UNKNOWN_COUNTY) ? 1 : 0;
            high += row.get("totalCost").asDouble() == 9000.0 ? 1 : 0;
            assertThat(row.get("settledOn").asString()).startsWith("2026-11-");
        }
        assertThat(unknown).isEqualTo(500);
        assertThat(high).isEqualTo(5);
    }
}
