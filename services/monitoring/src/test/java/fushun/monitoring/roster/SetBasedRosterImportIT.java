package fushun.monitoring.roster;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What importing a chunk of households as a set could break (ADR 0032): one bad household among good
 * ones, a household whose rows cross where a chunk would end, changed and unchanged households in one
 * chunk, and the events, which must be those of one household at a time.
 */
@ServiceIntegrationTest
class SetBasedRosterImportIT {

    private static final String HEADER = "户编号,行政区划代码,农户类别,脱贫不享受政策户,姓名,身份证号,与户主关系,劳动能力\n";
    private static final Jurisdiction XINBIN = Jurisdiction.of("210422");

    @Autowired RosterImports imports;
    @Autowired JdbcClient jdbc;

    private final Random random = new Random();
    private final Set<String> numbersUsed = new HashSet<>();

    /** A member as a roster row carries them. */
    private record Member(String name, String idNumber, String relationship, String labour) {
    }

    /** A household of the file: its code, village and members (the head first). */
    private record Household(String code, String village, List<Member> members) {
    }

    @Test
    void shouldImportTheGoodHouseholdsOfAChunkAndReportOnlyTheBadOne() throws Exception {
        String village = "210422100211";
        List<Household> households = households("坏块", village, 7);
        registerAll(households.subList(0, 2), 1); // the first two households are registered already
        List<Household> file = new ArrayList<>(households.subList(2, 7));
        // a household naming the heads of both registered households: refused (members of two households)
        file.add(2, new Household("BAD", village, List.of(
                new Member("冒用甲", households.get(0).members().get(0).idNumber(), "户主", "有"),
                new Member("冒用乙", households.get(1).members().get(0).idNumber(), "配偶", "有"))));
        // a household outside the importer's jurisdiction: refused by the registry's rule, not the database
        file.add(4, new Household("FAR", "210423100201", List.of(new Member("外县", newNumber(), "户主", "有"))));

        ImportJob job = run(csv(file), 100);

        assertThat(job.householdsRegistered()).isEqualTo(5);
        assertThat(job.householdsRefused()).isEqualTo(2);
        assertThat(errors(job.id())).containsExactlyInAnyOrder(
                rowOf(file, 2) + " 身份证号 本户成员分属多个已登记农户",
                rowOf(file, 4) + " 行政区划代码 只能登记本人管辖范围内的农户。");
        assertThat(jdbc.sql("select count(*) from household where division_code = :v").param("v", village)
                .query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void shouldNeverSplitAHouseholdWhoseRowsCrossTheEndOfAChunk() throws Exception {
        String village = "210422100212";
        // 1-5 members each and three households a chunk: chunks end at rows 7, 16, 22, …, inside no household
        List<Household> households = households("跨块", village, 11);

        ImportJob job = run(csv(households), 3);

        assertThat(job.householdsRegistered()).isEqualTo(11);
        assertThat(job.householdsRefused()).isZero();
        Map<String, Set<String>> registered = new java.util.HashMap<>();
        jdbc.sql("""
                        select cast(m.household_id as varchar), m.id_number from household_member m
                        join household h on h.id = m.household_id where h.division_code = :v""")
                .param("v", village)
                .query((rs, n) -> registered.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        assertThat(new HashSet<>(registered.values())).isEqualTo(households.stream()
                .map(h -> h.members().stream().map(Member::idNumber).collect(Collectors.toSet()))
                .collect(Collectors.toSet()));
    }

    @Test
    void shouldApplyTheChangedHouseholdsOfAChunkAndCountTheUnchangedOnes() throws Exception {
        String village = "210422100213";
        List<Household> households = households("变动", village, 8);
        registerAll(households, 100);
        List<Household> changed = changed(households);

        ImportJob preview = run(csv(changed), 100, true);
        ImportJob job = run(csv(changed), 100);

        // 0 and 4 a capacity, 1 and 5 a newborn, 2 and 6 a member left (if any besides the head), 3 and 7 unchanged
        for (ImportJob j : List.of(preview, job)) {
            assertThat(j.householdsChanged()).as(j.mode()).isEqualTo(6);
            assertThat(j.householdsUnchanged()).as(j.mode()).isEqualTo(2);
            assertThat(j.householdsRefused()).as(j.mode()).isZero();
        }
        assertThat(changeKinds(preview.id())).isEqualTo(changeKinds(job.id()));
        assertThat(changeKinds(job.id())).containsExactlyInAnyOrder("LABOUR_CAPACITY", "LABOUR_CAPACITY",
                "MEMBER_ADDED", "MEMBER_ADDED", "MEMBER_LEFT", "MEMBER_LEFT");
        assertThat(jdbc.sql("""
                        select count(*) from household_revision r join household h on h.id = r.household_id
                        where h.division_code = :v""").param("v", village).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("""
                        select count(*) from household_member m join household h on h.id = m.household_id
                        where h.division_code = :v and m.status = 'ACTIVE'""").param("v", village).query(Long.class).single())
                .isEqualTo(changed.stream().mapToLong(h -> h.members().size()).sum());
    }

    @Test
    void shouldPublishTheEventsOfOneHouseholdAtATime() throws Exception {
        String alone = "210422100214";
        String together = "210422100215";
        List<Household> one = households("单户", alone, 9);
        List<Household> set = households("成块", together, 9);

        run(csv(one), 1);
        run(csv(changed(one)), 1);
        run(csv(set), 4);
        run(csv(changed(set)), 4);

        List<String> oneAtATime = events(alone, "单户");
        assertThat(oneAtATime).hasSize(9 + 7);
        assertThat(events(together, "成块")).isEqualTo(oneAtATime);
    }

    // --- the files

    /** Households of 1-5 members (the head first), each with new ID numbers. */
    private List<Household> households(String prefix, String village, int count) {
        List<Household> households = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            List<Member> members = new ArrayList<>();
            for (int m = 0; m <= h % 5; m++) {
                members.add(new Member(prefix + h + "-" + m, newNumber(), m == 0 ? "户主" : "家庭成员", m % 3 == 2 ? "无" : "有"));
            }
            households.add(new Household(prefix + h, village, members));
        }
        return households;
    }

    /** The same households, household i: i % 4 == 0 the head's capacity, 1 a newborn, 2 the last member left, 3 unchanged. */
    private List<Household> changed(List<Household> households) {
        List<Household> changed = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            Household h = households.get(i);
            List<Member> members = new ArrayList<>(h.members());
            switch (i % 4) {
                case 0 -> members.set(0, new Member(members.get(0).name(), members.get(0).idNumber(), "户主", "部分"));
                case 1 -> members.add(new Member(h.members().get(0).name() + "新生", newNumber(), "子女", "无"));
                case 2 -> {
                    if (members.size() > 1) {
                        members.remove(members.size() - 1);
                    } else {
                        members.add(new Member(h.members().get(0).name() + "新生", newNumber(), "子女", "无"));
                    }
                }
                default -> { }
            }
            changed.add(new Household(h.code(), h.village(), members));
        }
        return changed;
    }

    private String csv(List<Household> households) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Household h : households) {
            for (int m = 0; m < h.members().size(); m++) {
                Member member = h.members().get(m);
                csv.append(h.code()).append(',').append(h.village()).append(',').append(m == 0 ? "脱贫户" : "")
                        .append(",否,").append(member.name()).append(',').append(member.idNumber()).append(',')
                        .append(member.relationship()).append(',').append(member.labour()).append('\n');
            }
        }
        return csv.toString();
    }

    /** The spreadsheet row of the file's i-th household's first member (the header is row 1). */
    private static int rowOf(List<Household> households, int index) {
        return 2 + households.subList(0, index).stream().mapToInt(h -> h.members().size()).sum();
    }

    private String newNumber() {
        String number;
        do {
            number = SyntheticIdNumbers.next(random, "210422");
        } while (!numbersUsed.add(number));
        return number;
    }

    // --- running a job as the service does, with a chosen chunk size

    private void registerAll(List<Household> households, int chunk) throws Exception {
        ImportJob job = run(csv(households), chunk);
        assertThat(job.householdsRegistered()).isEqualTo(households.size());
    }

    private ImportJob run(String csv, int chunkHouseholds) throws Exception {
        return run(csv, chunkHouseholds, false);
    }

    private ImportJob run(String csv, int chunkHouseholds, boolean preview) throws Exception {
        Path file = Files.createTempFile("roster-it-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into import_job (id, file_name, sha256, format, scope, status, submitted_by, mode)
                        values (:id, 'it.csv', :sha, 'csv', '210422', 'QUEUED', 'tester', :mode)""")
                .param("id", id).param("sha", id.toString().replace("-", "") + "0".repeat(32))
                .param("mode", preview ? "PREVIEW" : "APPLY").update();
        imports.run(id, file, "csv", XINBIN, preview, "tester", chunkHouseholds);
        ImportJob job = imports.find(id, "tester", XINBIN);
        assertThat(job.status()).isEqualTo(preview ? "PREVIEWED" : "DONE");
        return job;
    }

    private List<String> errors(UUID job) {
        return jdbc.sql("select row_number || ' ' || column_name || ' ' || reason from import_row_error where job_id = :id")
                .param("id", job).query(String.class).list();
    }

    private List<String> changeKinds(UUID job) {
        return jdbc.sql("select kind from import_change where job_id = :id order by row_number, kind")
                .param("id", job).query(String.class).list();
    }

    /**
     * The village's household events as (type, household, change kind), in outbox order per household:
     * the household named by its head's name in the file (the prefix dropped), so two files alike but
     * for their names and numbers compare.
     */
    private List<String> events(String village, String prefix) {
        Map<String, String> heads = jdbc.sql("""
                        select cast(h.id as varchar), min(m.name) filter (where m.name not like '%新生')
                        from household h join household_member m on m.household_id = h.id
                        where h.division_code = :v group by h.id""")
                .param("v", village)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2).substring(prefix.length())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Function<String, String> kind = payload -> {
            int at = payload.indexOf("\"kind\":\"");
            return at < 0 ? "" : payload.substring(at + 8, payload.indexOf('"', at + 8));
        };
        return jdbc.sql("""
                        select aggregateid, type, payload from outbox_event
                        where aggregateid in (select cast(id as varchar) from household where division_code = :v)
                        order by aggregateid, id""")
                .param("v", village)
                .query((rs, n) -> rs.getString(2) + " " + heads.get(rs.getString(1)) + " " + kind.apply(rs.getString(3)))
                .list().stream().sorted().toList();
    }
}
