package fushun.medicalinsurance.settlement;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A household's year so far, person by person: what each tier paid and what was left to pay. */
@Service
public class YearToDate {

    /** {@code leftOn}: the member left the household that day; their settlements after it are not the household's. */
    public record PersonYear(String maskedIdNumber, long settlements, BigDecimal totalCost, BigDecimal basicInsurance,
                             BigDecimal criticalIllness, BigDecimal medicalAssistance, BigDecimal selfPay,
                             java.time.LocalDate leftOn) {
    }

    public record HouseholdYear(UUID householdId, int year, List<PersonYear> persons, BigDecimal totalCost,
                                BigDecimal selfPay) {
    }

    private final JdbcClient jdbc;

    public YearToDate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public HouseholdYear of(UUID householdId, int year, Jurisdiction jurisdiction) {
        jdbc.sql("select 1 from insured_household where household_id = :h and division_code like :scope")
                .param("h", householdId).param("scope", jurisdiction.likePattern()).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该参保户。"));
        List<PersonYear> persons = jdbc.sql("""
                        select p.masked_id_number, count(s.settlement_id), coalesce(sum(s.total_cost), 0),
                               coalesce(sum(s.basic_insurance_paid), 0), coalesce(sum(s.critical_illness_paid), 0),
                               coalesce(sum(s.medical_assistance_paid), 0), coalesce(sum(s.self_pay), 0), p.left_on
                        from insured_person p
                        left join settlement s on s.person_ref = p.person_ref
                             and s.settled_on >= make_date(:year, 1, 1) and s.settled_on < make_date(:year + 1, 1, 1)
                             and (p.left_on is null or s.settled_on <= p.left_on)
                        where p.household_id = :h
                        group by p.person_ref, p.masked_id_number, p.left_on order by p.masked_id_number""")
                .param("h", householdId).param("year", year)
                .query((rs, n) -> new PersonYear(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getObject(8, java.time.LocalDate.class)))
                .list();
        return new HouseholdYear(householdId, year, persons,
                persons.stream().map(PersonYear::totalCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                persons.stream().map(PersonYear::selfPay).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
