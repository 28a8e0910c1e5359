package fushun.medicalinsurance.premium;

import fushun.contracts.HouseholdCategory;
import fushun.medicalinsurance.insured.HouseholdCover;
import fushun.platform.export.RosterPass;
import fushun.platform.export.XlsxRoster;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The premium-subsidy roster (参保资助名单) per county and year, a page at a time as data with the count
 * and amount of the whole roster, and whole as an .xlsx file. The rule decides in Java, so both read
 * the county in one streaming pass through a database cursor: memory stays flat however big the county.
 */
@Service
public class PremiumSubsidies {

    public record Entry(String divisionCode, UUID householdId, String maskedIdNumber, PremiumSubsidyRule.Kind kind,
                        String basis, BigDecimal amount) {
    }

    /** One page of the roster with the count ({@code total}) and amount ({@code totalAmount}) of the whole roster. */
    public record Roster(String county, int year, BigDecimal premium, BigDecimal transitionShare, String parameterVersions,
                         List<Entry> items, int page, int size, long total, BigDecimal totalAmount) {
    }

    /** The county and year of a roster, and the premium and share in force on 1 January. */
    private record Header(String county, int year, PolicyValue premium, PolicyValue share) {

        String versions() {
            return premium.version() + ", " + share.version();
        }
    }

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;

    public PremiumSubsidies(JdbcClient jdbc, PolicyParameters parameters) {
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    /**
     * One page of the insured persons of the county's registered households who get a subsidy for the
     * year, with the premium and share in force on 1 January (the yearly enrolment); a member who left
     * the household is listed for the years they were in it on 1 January. The household's category is
     * the one it has now: the registry keeps no history of categories.
     */
    @Transactional(readOnly = true)
    public Roster roster(String county, int year, Jurisdiction jurisdiction, int page, int size) {
        Header header = header(county, year, jurisdiction);
        RosterPass.Paged<Entry> pass = RosterPass.page(page, size, Entry::amount);
        stream(header, pass);
        return new Roster(county, year, header.premium().value(), header.share().value(), header.versions(), pass.kept(),
                page, size, pass.count(), pass.total());
    }

    /**
     * The whole roster as an .xlsx workbook (参保资助名单), its rows streamed from the database into the
     * workbook's temporary file; the caller writes it out and closes it.
     */
    @Transactional(readOnly = true)
    public XlsxRoster xlsx(String county, int year, Jurisdiction jurisdiction) {
        Header header = header(county, year, jurisdiction);
        return RosterPass.xlsx(year + "年参保资助名单", xlsx -> {
            xlsx.header(List.of("行政区划代码", "户编号", "身份证号（脱敏）", "资助类别", "资助依据", "资助金额（元）"));
            RosterPass<Entry> pass = RosterPass.each(Entry::amount, e -> xlsx.row(Arrays.asList(e.divisionCode(),
                    e.householdId().toString(), e.maskedIdNumber(),
                    e.kind() == PremiumSubsidyRule.Kind.FULL ? "全额资助" : "定额资助（过渡期）", e.basis(), e.amount())));
            stream(header, pass);
            xlsx.footer(List.of("合计", "", pass.count() + " 人", "", "", pass.total()));
            xlsx.footer(List.of("参数", header.versions()));
        });
    }

    private Header header(String county, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        return new Header(county, year, parameters.required("medical.premium.individual", county, from),
                parameters.required("medical.premium.transition-share", county, from));
    }

    /**
     * Streams every insured person of the county through the rule in one pass, handing each entry to
     * {@code sink} in roster order; PostgreSQL's driver reads through a cursor only inside a
     * transaction and with a fetch size, else it would hold the whole county.
     */
    private void stream(Header header, Consumer<Entry> sink) {
        RosterPass.requireTransaction();
        LocalDate from = LocalDate.of(header.year(), 1, 1);
        Pass pass = new Pass(header, sink);
        jdbc.sql("""
                        select h.division_code, h.household_id, p.masked_id_number, h.category, h.not_entitled_to_policy,
                               (select case when bool_or(c.basis = 'TEKUN') then 'TEKUN' else 'DIBAO' end
                                  from cover_status c
                                 where c.person_ref = p.person_ref and c.basis in ('TEKUN', 'DIBAO')
                                   and c.valid_from < :to and (c.valid_to is null or c.valid_to > :from)
                                having count(*) > 0) as basis,
                               p.left_on
                        from insured_person p join insured_household h on h.household_id = p.household_id
                        where h.division_code like :county
                        order by h.division_code, h.household_id, p.masked_id_number, p.person_ref""")
                .withFetchSize(RosterPass.FETCH_SIZE)
                .param("from", from).param("to", from.plusYears(1)).param("county", header.county() + "%")
                .query(pass);
    }

    /** Runs the rule on each row of the county and hands each entry it lists on. */
    private static final class Pass implements RowCallbackHandler {

        private final int year;
        private final BigDecimal premium;
        private final BigDecimal share;
        private final Consumer<Entry> sink;

        Pass(Header header, Consumer<Entry> sink) {
            this.year = header.year();
            this.premium = header.premium().value();
            this.share = header.share().value();
            this.sink = sink;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (!HouseholdCover.enrolledFor(rs.getObject(7, LocalDate.class), year)) {
                return;
            }
            Optional<PremiumSubsidyRule.Subsidy> subsidy = PremiumSubsidyRule.subsidyOf(rs.getString(6),
                    HouseholdCategory.valueOf(rs.getString(4)), rs.getBoolean(5), premium, share);
            if (subsidy.isPresent()) {
                Entry entry = new Entry(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        subsidy.get().kind(), subsidy.get().basis(), subsidy.get().amount());
                sink.accept(entry);
            }
        }
    }
}
