package fushun.housingsafety.appraisal;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    YearlyScreening(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The yearly screening (每年排查) of every low-income household of the county: how many are done
     * and left, and one page of the households, those left first. Counted and paged in the
     * database: a county is never loaded. It reads the household feature's table in the same query
     * (listed in the architecture test: a set-based read over two features' tables).
     */
    public Screening of(String county, int year, Jurisdiction jurisdiction, int page, int size) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        String lowIncome = """
                from household h
                left join lateral (select grade, appraised_on from appraisal
                                   where household_id = h.household_id and appraised_on >= :from and appraised_on < :to
                                   order by appraised_on desc, recorded_at desc limit 1) a on true
                -- LowIncome.of (as Household.lowIncome())
                where h.division_code like :county
                  and (h.category <> 'ORDINARY' and not h.not_entitled_to_policy or h.assisted)
                """;
        LocalDate from = LocalDate.of(year, 1, 1);
        record Counts(long households, long done) {
        }
        Counts counts = jdbc.sql("select count(*) as households, count(a.grade) as done " + lowIncome)
                .param("county", county + "%").param("from", from).param("to", from.plusYears(1))
                .query(Counts.class).single();
        List<ScreeningLine> items = jdbc.sql("select h.household_id, h.division_code, h.head_name, a.grade, a.appraised_on "
                        + lowIncome + " order by a.appraised_on is not null, h.division_code, h.household_id"
                        + " limit :size offset :offset")
                .param("county", county + "%").param("from", from).param("to", from.plusYears(1))
                .param("size", size).param("offset", (long) page * size)
                .query(ScreeningLine.class).list();
        return new Screening(county, year, counts.households(), counts.done(), counts.households() - counts.done(),
                items, page, size, counts.households());
    }
}
