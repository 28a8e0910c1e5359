package fushun.housingsafety.appraisal;

import fushun.housingsafety.household.Households;
import fushun.housingsafety.household.Households.LowIncomeHousehold;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;

/**
 * The yearly screening (每年排查) of every low-income household's house in a county: which were
 * appraised this year and which are left.
 */
@Service
public class YearlyScreening {

    /** One low-income household in the year's screening: its latest appraisal of the year, if any. */
    public record ScreeningLine(UUID householdId, String divisionCode, String headName, String grade, LocalDate appraisedOn) {
    }

    /** The year's screening: the counts over the whole county, and one page of its households ({@code total} of them). */
    public record Screening(String county, int year, long households, long done, long left, List<ScreeningLine> items,
                            int page, int size, long total) {
    }

    private record Appraised(String grade, LocalDate appraisedOn) {
    }

    private final JdbcClient jdbc;
    private final Households households;

    YearlyScreening(JdbcClient jdbc, Households households) {
        this.jdbc = jdbc;
        this.households = households;
    }

    /**
     * The yearly screening (每年排查) of every low-income household of the county: how many are done
     * and left, and one page of the households, those left first. Two queries whatever the county's
     * size: its low-income households (the household feature's), then their latest appraisals of the
     * year, all at once; the counts and the page are taken from those (a county's low-income
     * households are thousands, a few hundred kilobytes).
     */
    public Screening of(String county, int year, Jurisdiction jurisdiction, int page, int size) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        List<LowIncomeHousehold> lowIncome = households.lowIncomeIn(county);
        Map<UUID, Appraised> appraised = latestOfYear(lowIncome, year);
        // those left first, each part in the household feature's order (division, then id)
        List<ScreeningLine> items = Stream.concat(
                        lowIncome.stream().filter(h -> !appraised.containsKey(h.householdId())),
                        lowIncome.stream().filter(h -> appraised.containsKey(h.householdId())))
                .skip((long) page * size).limit(size)
                .map(h -> {
                    Appraised a = appraised.get(h.householdId());
                    return new ScreeningLine(h.householdId(), h.divisionCode(), h.headName(),
                            a == null ? null : a.grade(), a == null ? null : a.appraisedOn());
                })
                .toList();
        long total = lowIncome.size();
        return new Screening(county, year, total, appraised.size(), total - appraised.size(), items, page, size, total);
    }

    /** Each of these households' latest appraisal of the year (by day, then by when it was recorded), if any. */
    private Map<UUID, Appraised> latestOfYear(List<LowIncomeHousehold> lowIncome, int year) {
        Map<UUID, Appraised> latest = new HashMap<>();
        if (lowIncome.isEmpty()) {
            return latest;
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        jdbc.sql("""
                        select distinct on (household_id) household_id, grade, appraised_on from appraisal
                        where household_id = any(:households) and appraised_on >= :from and appraised_on < :to
                        order by household_id, appraised_on desc, recorded_at desc""")
                .param("households", new SqlArrayValue("uuid",
                        lowIncome.stream().map(LowIncomeHousehold::householdId).toArray()))
                .param("from", from).param("to", from.plusYears(1))
                .query((RowCallbackHandler) rs -> latest.put(rs.getObject(1, UUID.class),
                        new Appraised(rs.getString(2), rs.getObject(3, LocalDate.class))));
        return latest;
    }
}
