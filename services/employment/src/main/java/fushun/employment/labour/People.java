package fushun.employment.labour;

import fushun.platform.export.RosterPass;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the other features may know of the people this feature records, as small records: the posts
 * ask whom they may hire, the pension roster asks who is assisted and monitored in a year. The
 * tables stay this feature's.
 */
@Service
public class People {

    /** What hiring onto a welfare post needs to know of a person. */
    public record HireCandidate(UUID householdId, String divisionCode, String labourCapacity, String memberStatus) {
    }

    /**
     * A person as the pension roster sees them in a year: {@code assistance} TEKUN, DIBAO or null
     * (特困 first), whether the household was a monitoring object in the year, whether the person was on
     * 残联's register as severely disabled on a day of the year.
     */
    public record PensionFacts(String divisionCode, UUID householdId, String maskedIdNumber, Integer birthYear,
                               String assistance, boolean monitored, boolean notEntitledToPolicy, LocalDate leftOn,
                               boolean severelyDisabled) {
    }

    /** A year's pension roster of a county counted: its households and people. */
    public record PensionCount(long households, long persons) {
    }

    private final JdbcClient jdbc;

    public People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person, locked for the rest of the transaction: a person's holdings take turns (one post
     * at a time, no month paid twice), so hires of one person queue here.
     */
    public Optional<HireCandidate> lockForHire(UUID personId) {
        return jdbc.sql("""
                        select household_id, division_code, labour_capacity, member_status from person
                        where person_id = :p for update""")
                .param("p", personId).query(HireCandidate.class).optional();
    }

    /** The household's members still in it who can work, fully or partly. */
    public List<UUID> labourersOf(UUID householdId) {
        return jdbc.sql("""
                        select person_id from person where household_id = :h and labour_capacity in ('FULL', 'PARTIAL')
                          and member_status = 'ACTIVE'""")
                .param("h", householdId).query(UUID.class).list();
    }

    /**
     * Every person of the county for the year from {@code from}, in roster order, through a cursor:
     * call it inside a transaction, where PostgreSQL's driver honours the fetch size.
     */
    public void eachForPensionYear(String county, LocalDate from, Consumer<PensionFacts> each) {
        jdbc.sql("""
                        select p.division_code, p.household_id, p.masked_id_number, p.birth_year,
                               case when exists (select 1 from assisted_person a where a.person_ref = p.person_ref
                                                   and a.programme = 'TEKUN' and a.valid_from < :to
                                                   and (a.valid_to is null or a.valid_to > :from)) then 'TEKUN'
                                    when exists (select 1 from assisted_person a where a.person_ref = p.person_ref
                                                   and a.programme = 'DIBAO' and a.valid_from < :to
                                                   and (a.valid_to is null or a.valid_to > :from)) then 'DIBAO'
                               end as assistance,
                               coalesce(c.monitored_from < :to and (c.monitored_to is null or c.monitored_to >= :from),
                                        false) as monitored,
                               coalesce(c.not_entitled_to_policy, false) as not_entitled,
                               p.left_on,
                               exists (select 1 from severe_disability d where d.person_id = p.person_id
                                         and d.severe_from < :to) as severely_disabled
                        from person p left join household_category c on c.household_id = p.household_id
                        where p.division_code like :county
                        order by p.division_code, p.household_id, p.masked_id_number, p.person_id""")
                .withFetchSize(RosterPass.FETCH_SIZE)
                .param("from", from).param("to", from.plusYears(1)).param("county", county + "%")
                .query((RowCallbackHandler) rs -> {
                    each.accept(new PensionFacts(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, Integer.class), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
                            rs.getObject(8, LocalDate.class), rs.getBoolean(9)));
                });
    }

    /**
     * The county's roster of the year counted in one statement, as the roster's rules list it person by
     * person ({@code PensionRosterRule}: still a member on 1 January or left during the year;
     * {@code PensionPremiumRule}: 特困 or dibao on a day of the year, or a household monitored in the
     * year and not flagged 脱贫不享受政策户, or a person on 残联's register as severely disabled on a day of
     * the year (whatever the flag); the year of birth known and the age reached in the year from
     * {@code minAge} to under {@code pensionAge}). The monthly totals count this way so a county is never
     * read row by row; their test holds it to the roster's answers.
     */
    public PensionCount pensionCount(String county, int year, int minAge, int pensionAge) {
        LocalDate from = LocalDate.of(year, 1, 1);
        return jdbc.sql("""
                        select count(distinct p.household_id), count(*)
                        from person p left join household_category c on c.household_id = p.household_id
                        where p.division_code like :county
                          and (p.left_on is null or p.left_on >= :from)
                          and p.birth_year is not null
                          and :year - p.birth_year >= :minAge and :year - p.birth_year < :pensionAge
                          and (exists (select 1 from assisted_person a where a.person_ref = p.person_ref
                                         and a.programme in ('TEKUN', 'DIBAO') and a.valid_from < :to
                                         and (a.valid_to is null or a.valid_to > :from))
                               or coalesce(c.monitored_from < :to and (c.monitored_to is null or c.monitored_to >= :from)
                                           and not c.not_entitled_to_policy, false)
                               or exists (select 1 from severe_disability d where d.person_id = p.person_id
                                            and d.severe_from < :to))""")
                .param("county", county + "%").param("from", from).param("to", from.plusYears(1)).param("year", year)
                .param("minAge", minAge).param("pensionAge", pensionAge)
                .query((rs, n) -> new PensionCount(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}
