package fushun.monitoring.income;

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

    public HouseholdIncomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the household's income for the year with these components. */
    @Transactional
    public IncomeStatement record(UUID householdId, int year, Map<IncomeComponent, BigDecimal> components,
                                  String recordedBy, Jurisdiction jurisdiction) {
        int members = membersOf(householdId, jurisdiction);
        // one writer per household at a time, so a replacement is never merged with another
        jdbc.sql("select id from household where id = :h for update").param("h", householdId).query(UUID.class).single();
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
        Map<IncomeComponent, BigDecimal> components = new EnumMap<>(IncomeComponent.class);
        jdbc.sql("select component, amount from income_record where household_id = :h and year = :y")
                .param("h", householdId).param("y", year)
                .query((rs, n) -> Map.entry(IncomeComponent.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .list().forEach(e -> components.put(e.getKey(), e.getValue()));
        return components.isEmpty() ? Optional.empty() : Optional.of(new IncomeStatement(year, components, members));
    }

    private int membersOf(UUID householdId, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select count(m.id) from household h join household_member m on m.household_id = h.id and m.status = 'ACTIVE'
                        where h.id = :h and h.division_code like :scope""")
                .param("h", householdId).param("scope", jurisdiction.likePattern())
                .query(Integer.class).optional().filter(n -> n > 0)
                .orElseThrow(() -> new NotFoundException("没有找到该农户。"));
    }
}
