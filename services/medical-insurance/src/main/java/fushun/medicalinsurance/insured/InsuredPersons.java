package fushun.medicalinsurance.insured;

import fushun.contracts.HouseholdCategory;
import fushun.platform.security.Jurisdiction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features read of the insured households and persons, a batch or a household at a time
 * (one query each, never one per person). Reads only: {@link InsuredRoster} keeps them.
 */
@Service
public class InsuredPersons {

    /** A person's household and the day they left it (null: still in it). */
    public record Membership(UUID householdId, LocalDate leftOn) {

        /** {@link HouseholdCover#coveredOn}: the household, if the person is its member on {@code day}. */
        public Optional<UUID> householdOn(LocalDate day) {
            return HouseholdCover.coveredOn(leftOn, day) ? Optional.of(householdId) : Optional.empty();
        }
    }

    /** A member of a household, those who left included ({@code leftOn}). */
    public record Member(String personRef, String maskedIdNumber, LocalDate leftOn) {
    }

    /** A household locked for the rest of the transaction, with every member it ever had. */
    public record LockedHousehold(String divisionCode, HouseholdCategory category, List<Member> members) {
    }

    /** An insured person with their household's division and category, as a county's roster lists them. */
    public record CountyPerson(String divisionCode, UUID householdId, String personRef, String maskedIdNumber,
                               HouseholdCategory category, boolean notEntitledToPolicy, LocalDate leftOn) {
    }

    /**
     * The insured persons as a table {@code (person_ref, household_id, left_on)} for another feature's
     * set query to join, so that a county's month is counted in the database, never read person by
     * person. The insured feature's tables are named here only: what it changes in them, it changes here.
     * A settlement is a household's when {@code left_on is null or settled_on <= left_on}
     * ({@link HouseholdCover#coveredOn}).
     */
    public static final String MEMBERSHIPS = "(select person_ref, household_id, left_on from insured_person)";

    private final JdbcClient jdbc;

    public InsuredPersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The memberships of the persons known here, by person ref, in one query; unknown persons are absent. */
    public Map<String, Membership> membershipsOf(Collection<String> personRefs) {
        Map<String, Membership> memberships = new HashMap<>();
        if (personRefs.isEmpty()) {
            return memberships;
        }
        // bpchar[] like the column, so the primary key's index serves the lookup; a join, not "= any": a
        // generic plan that scans the table would compare every row with the whole array
        jdbc.sql("""
                        select p.person_ref, p.household_id, p.left_on
                        from unnest(cast(:refs as bpchar[])) as r(person_ref)
                        join insured_person p on p.person_ref = r.person_ref""")
                .param("refs", personRefs.stream().distinct().toArray(String[]::new))
                .query((RowCallbackHandler) rs -> memberships.put(rs.getString(1),
                        new Membership(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class))));
        return memberships;
    }

    /**
     * The household's members (those who left included) in masked ID number order, if the household
     * is in {@code jurisdiction}.
     */
    public Optional<List<Member>> membersInScope(UUID householdId, Jurisdiction jurisdiction) {
        return jdbc.sql("select 1 from insured_household where household_id = :h and division_code like :scope")
                .param("h", householdId).param("scope", jurisdiction.likePattern()).query(Integer.class).optional()
                .map(found -> jdbc.sql("""
                                select person_ref, masked_id_number, left_on from insured_person
                                where household_id = :h order by masked_id_number, person_ref""")
                        .param("h", householdId).query(InsuredPersons::member).list());
    }

    /**
     * The household and its members, the household's row locked for the rest of the transaction:
     * one evaluation per household at a time, a second waits and then sees the first's rows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedHousehold lock(UUID householdId) {
        record Row(String divisionCode, HouseholdCategory category, Member member) {
        }
        List<Row> rows = jdbc.sql("""
                        select h.division_code, h.category, p.person_ref, p.masked_id_number, p.left_on
                        from insured_household h left join insured_person p on p.household_id = h.household_id
                        where h.household_id = :h for update of h""")
                .param("h", householdId)
                .query((rs, n) -> new Row(rs.getString(1), HouseholdCategory.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null
                                : new Member(rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class))))
                .list();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no insured household " + householdId);
        }
        return new LockedHousehold(rows.get(0).divisionCode(), rows.get(0).category(),
                rows.stream().map(Row::member).filter(Objects::nonNull).toList());
    }

    /**
     * The households and their members, their rows locked for the rest of the transaction in one
     * statement, in household id order (two batches lock in the same order, so they cannot
     * deadlock); unknown households are absent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, LockedHousehold> lockAll(Collection<UUID> householdIds) {
        Map<UUID, LockedHousehold> households = new LinkedHashMap<>();
        if (householdIds.isEmpty()) {
            return households;
        }
        Map<UUID, List<Member>> members = new HashMap<>();
        jdbc.sql("""
                        select h.household_id, h.division_code, h.category, p.person_ref, p.masked_id_number, p.left_on
                        from unnest(cast(:ids as uuid[])) as i(household_id)
                        join insured_household h on h.household_id = i.household_id
                        left join insured_person p on p.household_id = h.household_id
                        order by h.household_id, p.person_ref for update of h""")
                .param("ids", householdIds.stream().distinct().map(UUID::toString).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    List<Member> ofHousehold = members.computeIfAbsent(id, k -> new ArrayList<>());
                    households.putIfAbsent(id, new LockedHousehold(rs.getString(2),
                            HouseholdCategory.valueOf(rs.getString(3)), ofHousehold));
                    if (rs.getString(4) != null) {
                        ofHousehold.add(new Member(rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)));
                    }
                });
        return households;
    }

    /**
     * Streams the insured persons of a county (a division code prefix) in roster order, handing
     * them on in batches of up to {@code batchSize}, so that whoever reads them looks a whole batch
     * up at once. PostgreSQL's driver reads through a cursor only inside a transaction and with a
     * fetch size, else it would hold the whole county.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void eachBatchInCounty(String county, int batchSize, Consumer<List<CountyPerson>> batches) {
        List<CountyPerson> batch = new ArrayList<>(batchSize);
        jdbc.sql("""
                        select h.division_code, h.household_id, p.person_ref, p.masked_id_number, h.category,
                               h.not_entitled_to_policy, p.left_on
                        from insured_person p join insured_household h on h.household_id = p.household_id
                        where h.division_code like :county
                        order by h.division_code, h.household_id, p.masked_id_number, p.person_ref""")
                .withFetchSize(batchSize)
                .param("county", county + "%")
                .query((RowCallbackHandler) rs -> {
                    batch.add(countyPerson(rs));
                    if (batch.size() == batchSize) {
                        batches.accept(List.copyOf(batch));
                        batch.clear();
                    }
                });
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
    }

    private static Member member(ResultSet rs, int n) throws SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class));
    }

    private static CountyPerson countyPerson(ResultSet rs) throws SQLException {
        return new CountyPerson(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                HouseholdCategory.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getObject(7, LocalDate.class));
    }
}
