package fushun.medicalinsurance.settlement;

import fushun.medicalinsurance.insured.InsuredPersons;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A household's year so far, person by person: what each tier paid and what was left to pay. */
@Service
public class YearToDate {

    /** {@code leftOn}: the member left the household that day; their settlements after it are not the household's. */
    public record PersonYear(String maskedIdNumber, long settlements, BigDecimal totalCost, BigDecimal basicInsurance,
                             BigDecimal criticalIllness, BigDecimal medicalAssistance, BigDecimal selfPay,
                             LocalDate leftOn) {
    }

    public record HouseholdYear(UUID householdId, int year, List<PersonYear> persons, BigDecimal totalCost,
                                BigDecimal selfPay) {
    }

    /** A member's sums of the year, before their masked ID number and leaving day are put to them. */
    private record Sums(long settlements, BigDecimal totalCost, BigDecimal basicInsurance, BigDecimal criticalIllness,
                        BigDecimal medicalAssistance, BigDecimal selfPay) {
    }

    private final JdbcClient jdbc;
    private final InsuredPersons insured;

    public YearToDate(JdbcClient jdbc, InsuredPersons insured) {
        this.jdbc = jdbc;
        this.insured = insured;
    }

    /** Every member, those who left included, in masked ID number order; their sums in one query. */
    public HouseholdYear of(UUID householdId, int year, Jurisdiction jurisdiction) {
        List<InsuredPersons.Member> members = insured.membersInScope(householdId, jurisdiction)
                .orElseThrow(() -> new NotFoundException("没有找到该参保户。"));
        Map<String, Sums> sums = sums(HouseholdMembers.of(members), year);
        List<PersonYear> persons = members.stream().map(m -> {
            Sums s = sums.get(m.personRef());
            return new PersonYear(m.maskedIdNumber(), s.settlements(), s.totalCost(), s.basicInsurance(),
                    s.criticalIllness(), s.medicalAssistance(), s.selfPay(), m.leftOn());
        }).toList();
        return new HouseholdYear(householdId, year, persons,
                persons.stream().map(PersonYear::totalCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                persons.stream().map(PersonYear::selfPay).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private Map<String, Sums> sums(HouseholdMembers members, int year) {
        Map<String, Sums> sums = new HashMap<>();
        if (members.none()) {
            return sums;
        }
        jdbc.sql("select m.person_ref, count(s.settlement_id), coalesce(sum(s.total_cost), 0),"
                        + " coalesce(sum(s.basic_insurance_paid), 0), coalesce(sum(s.critical_illness_paid), 0),"
                        + " coalesce(sum(s.medical_assistance_paid), 0), coalesce(sum(s.self_pay), 0)"
                        + " from " + HouseholdMembers.MEMBERS
                        + " left join settlement s on s.person_ref = m.person_ref"
                        + " and s.settled_on >= make_date(:year, 1, 1) and s.settled_on < make_date(:year + 1, 1, 1)"
                        + " and (m.left_on is null or s.settled_on <= m.left_on)"
                        + " group by m.person_ref")
                .param("refs", members.personRefs()).param("leftOns", members.leftOns()).param("year", year)
                .query((RowCallbackHandler) rs -> sums.put(rs.getString(1), new Sums(rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7))));
        return sums;
    }
}
