package fushun.monitoring.income;

import fushun.monitoring.household.HouseholdDirectory;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads household income, within the caller's jurisdiction. */
@Service
public class HouseholdIncomes {

    private final JdbcClient jdbc;
    private final HouseholdDirectory households;

    public HouseholdIncomes(JdbcClient jdbc, HouseholdDirectory households) {
        this.jdbc = jdbc;
        this.households = households;
    }

    /** Replaces the household's income for the year with these components. */
    @Transactional
    public IncomeStatement record(UUID householdId, int year, Map<IncomeComponent, BigDecimal> components,
                                  String recordedBy, Jurisdiction jurisdiction) {
        int members = membersOf(householdId, jurisdiction);
        // one writer per household at a time, so a replacement is never merged with another
        households.lock(householdId);
        jdbc.sql("delete from income_record where household_id = :h and year = :y")
                .param("h", householdId).param("y", year).update();
        components.forEach((component, amount) -> jdbc.sql("""
                        insert into income_record (household_id, year, component, amount, recorded_by)
                        values (:h, :y, :c, :amount, :by)""")
                .param("h", householdId).param("y", year).param("c", component.name()).param("amount", amount)
                .param("by", recordedBy).update());
        return new IncomeStatement(year, new EnumMap<>(components), members);
    }

    /** Empty if no income was recorded for that year. */
    public Optional<IncomeStatement> statement(UUID householdId, int year, Jurisdiction jurisdiction) {
        int members = membersOf(householdId, jurisdiction);
        Map<IncomeComponent, BigDecimal> components = components(householdId, year);
        return components.isEmpty() ? Optional.empty() : Optional.of(new IncomeStatement(year, components, members));
    }

    /**
     * The latest year's statement, whoever asks (the caller has scoped the household); empty if no
     * income was ever recorded.
     */
    public Optional<IncomeStatement> latest(UUID householdId) {
        Integer year = jdbc.sql("select max(year) from income_record where household_id = :h").param("h", householdId)
                .query(Integer.class).optional().orElse(null);
        if (year == null) {
            return Optional.empty();
        }
        int members = households.find(householdId).map(HouseholdDirectory.Entry::activeMembers).orElse(0);
        return Optional.of(new IncomeStatement(year, components(householdId, year), members));
    }

    private Map<IncomeComponent, BigDecimal> components(UUID householdId, int year) {
        Map<IncomeComponent, BigDecimal> components = new EnumMap<>(IncomeComponent.class);
        jdbc.sql("select component, amount from income_record where household_id = :h and year = :y")
                .param("h", householdId).param("y", year)
                .query((rs, n) -> Map.entry(IncomeComponent.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .list().forEach(e -> components.put(e.getKey(), e.getValue()));
        return components;
    }

    /** Members living in the household now; a household outside the caller's division, or without members, is not found. */
    private int membersOf(UUID householdId, Jurisdiction jurisdiction) {
        int members = households.find(householdId, jurisdiction).activeMembers();
        if (members == 0) {
            throw new NotFoundException("没有找到该农户。");
        }
        return members;
    }
}
