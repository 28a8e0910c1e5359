package fushun.monitoring.household;

import fushun.contracts.HouseholdCategory;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other features show of a household or decide on, without reading the registry's tables: a
 * feature reads its own page first, then looks up the page's households here in one query.
 */
@Service
public class HouseholdDirectory {

    /** The categories of the monitored population, as stored. */
    public static final List<String> MONITORING_CATEGORIES = Arrays.stream(HouseholdCategory.values())
            .filter(HouseholdCategory::isMonitoringCategory).map(Enum::name).toList();

    /** A household now: where it lives, its category, head, and how many members live in it and can work. */
    public record Entry(UUID id, String divisionCode, String category, String headName, int activeMembers,
                        int ableToWork) {
    }

    private final JdbcClient jdbc;

    public HouseholdDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The households of these ids that are registered, in one query however many. */
    public Map<UUID, Entry> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select h.id, h.division_code, h.category, h.head_name,
                               count(m.id) filter (where m.status = 'ACTIVE') as active,
                               count(m.id) filter (where m.status = 'ACTIVE' and m.labour_capacity in ('FULL', 'PARTIAL')) as able
                        from household h left join household_member m on m.household_id = h.id
                        where h.id in (:ids) group by h.id""")
                .param("ids", ids.stream().distinct().toList())
                .query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("division_code"),
                        rs.getString("category"), rs.getString("head_name"), rs.getInt("active"), rs.getInt("able")))
                .list().stream().collect(Collectors.toMap(Entry::id, Function.identity()));
    }

    public Optional<Entry> find(UUID id) {
        return Optional.ofNullable(byIds(List.of(id)).get(id));
    }

    /** The household if it is in the caller's division; another county's household is not found. */
    public Entry find(UUID id, Jurisdiction jurisdiction) {
        return find(id).filter(h -> jurisdiction.covers(h.divisionCode()))
                .orElseThrow(() -> new NotFoundException("没有找到该农户。"));
    }

    /** Locks the household's row: a feature replacing a household's records takes turns with other writers. */
    public void lock(UUID id) {
        jdbc.sql("select id from household where id = :h for update").param("h", id).query(UUID.class).single();
    }
}
