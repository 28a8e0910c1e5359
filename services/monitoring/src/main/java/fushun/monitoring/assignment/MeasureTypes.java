package fushun.monitoring.assignment;

import fushun.contracts.Bureau;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The bureaus' measure catalogues (帮扶措施类型目录) as effective-dated rows, and the typed measures
 * counted per county, bureau and type. Extending a catalogue is a new row, never code (ADR 0039).
 */
@Service
public class MeasureTypes {

    private final JdbcClient jdbc;

    public MeasureTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The types in force on the day, of one bureau or all, in the catalogue's order; one page with the total. */
    public Page<MeasureType> list(Bureau bureau, LocalDate asOf, int page, int size) {
        String where = """
                 where (cast(:bureau as varchar) is null or bureau = :bureau)
                   and effective_from <= :asOf and (effective_to is null or effective_to >= :asOf)""";
        Map<String, Object> params = new HashMap<>();
        params.put("bureau", bureau == null ? null : bureau.name());
        params.put("asOf", asOf);
        long total = jdbc.sql("select count(*) from measure_type " + where).params(params).query(Long.class).single();
        List<MeasureType> items = jdbc.sql(COLUMNS + " " + where + " order by bureau, sort_order, code limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query(MeasureTypes::type).list();
        return new Page<>(items, page, size, total);
    }

    /** Every version of every type with this code, whatever its bureau and period: what the rule decides on. */
    List<MeasureType> versionsOf(String code) {
        return jdbc.sql(COLUMNS + " where code = :code order by effective_from").param("code", code)
                .query(MeasureTypes::type).list();
    }

    /** The code of the bureau's type in force on the day whose code or label is this text, if there is one. */
    java.util.Optional<String> codeNamed(Bureau bureau, String text, LocalDate on) {
        return jdbc.sql("""
                        select code from measure_type
                        where bureau = :bureau and (code = :text or label = :text)
                          and effective_from <= :on and (effective_to is null or effective_to >= :on)
                        order by effective_from desc limit 1""")
                .param("bureau", bureau.name()).param("text", text).param("on", on).query(String.class).optional();
    }

    /**
     * Typed measures applied in the period ({@code from} to {@code to}, both inclusive) in the caller's
     * division, optionally one county's or one bureau's, per county, bureau and type with their amounts;
     * grouped by the database, one page of groups with the number of groups.
     */
    public Page<MeasureCount> count(Jurisdiction jurisdiction, String county, Bureau bureau, LocalDate from, LocalDate to,
                                    int page, int size) {
        String grouped = """
                from measure m join assignment a on a.id = m.assignment_id
                where m.measure_type is not null and m.applied_on between :from and :to
                  and a.division_code like :scope and a.division_code like :county
                  and (cast(:bureau as varchar) is null or m.bureau = :bureau)
                group by substr(a.division_code, 1, 6), m.bureau, m.measure_type""";
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("scope", jurisdiction.likePattern());
        params.put("county", county == null ? "%" : county + "%");
        params.put("bureau", bureau == null ? null : bureau.name());
        long total = jdbc.sql("select count(*) from (select 1 " + grouped + ") g").params(params).query(Long.class).single();
        List<MeasureCount> items = jdbc.sql("""
                        select substr(a.division_code, 1, 6) as county, m.bureau, m.measure_type,
                               max(m.measure) as label, count(*) as measures, sum(m.amount) as amount
                        """ + grouped + " order by county, m.bureau, m.measure_type limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new MeasureCount(rs.getString("county"), rs.getString("bureau"), rs.getString("measure_type"),
                        rs.getString("label"), rs.getLong("measures"), rs.getBigDecimal("amount")))
                .list();
        return new Page<>(items, page, size, total);
    }

    private static final String COLUMNS = """
            select code, bureau, label, amount_required, amount_label, cadence, source_note, effective_from, effective_to
            from measure_type""";

    private static MeasureType type(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MeasureType(rs.getString("code"), Bureau.valueOf(rs.getString("bureau")), rs.getString("label"),
                rs.getBoolean("amount_required"), rs.getString("amount_label"), rs.getString("cadence"),
                rs.getString("source_note"), rs.getDate("effective_from").toLocalDate(),
                rs.getDate("effective_to") == null ? null : rs.getDate("effective_to").toLocalDate());
    }
}
