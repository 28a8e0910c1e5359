package fushun.platform.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Effective-dated parameters: the value in force on a date (a scope's own value wins over
 * {@code *}), the list of all values, and audited changes.
 */
public class PolicyParameters {

    public static final String ALL_SCOPES = "*";

    private final JdbcClient jdbc;

    public PolicyParameters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PolicyValue> valueAt(String name, String scope, LocalDate date) {
        return jdbc.sql("""
                        select name, scope, effective_from, value from policy_parameter
                        where name = :name and scope in (:scope, '*') and effective_from <= :date
                        order by case when scope = '*' then 1 else 0 end, effective_from desc
                        limit 1""")
                .param("name", name).param("scope", scope == null ? ALL_SCOPES : scope).param("date", date)
                .query(PolicyValue.class).optional();
    }

    public PolicyValue required(String name, String scope, LocalDate date) {
        return valueAt(name, scope, date).orElseThrow(() ->
                new IllegalStateException("no value of policy parameter " + name + " for " + scope + " on " + date));
    }

    /** Every value of the named parameters, to be looked up many times in memory (a batch's rows). */
    public PolicySnapshot snapshot(Collection<String> names) {
        return new PolicySnapshot(jdbc.sql("""
                        select name, scope, effective_from, value from policy_parameter
                        where name = any(cast(:names as varchar[]))""")
                .param("names", names.stream().distinct().toArray(String[]::new))
                .query(PolicyValue.class).list());
    }

    /** Every value of every parameter, by name, scope and date. */
    public List<PolicyValue> all() {
        return jdbc.sql("select name, scope, effective_from, value from policy_parameter order by name, scope, effective_from")
                .query(PolicyValue.class).list();
    }

    /** The audited changes of one parameter, newest first. */
    public List<PolicyChange> changesOf(String name) {
        return jdbc.sql("""
                        select name, scope, effective_from, old_value, new_value, changed_by, reason, changed_at
                        from policy_parameter_change where name = :name order by changed_at desc, id desc""")
                .param("name", name).query(PolicyChange.class).list();
    }

    /**
     * Sets a value from a date on (a new row, or the value of a row not yet in force) and records
     * who did it and why. Values already in force are history: decisions cite them by version, so
     * a change can only take effect from {@code today} or later. Only known parameters can be set.
     */
    @Transactional
    public PolicyValue change(String name, String scope, LocalDate effectiveFrom, BigDecimal value, String actor,
                              String reason, LocalDate today) {
        if (effectiveFrom.isBefore(today)) {
            throw new IllegalArgumentException("a change takes effect from today or later");
        }
        if (jdbc.sql("select count(*) from policy_parameter where name = :name").param("name", name)
                .query(Long.class).single() == 0) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        Optional<BigDecimal> old = jdbc.sql(
                        "select value from policy_parameter where name = :name and scope = :scope and effective_from = :from")
                .param("name", name).param("scope", scope).param("from", effectiveFrom).query(BigDecimal.class).optional();
        jdbc.sql("""
                        insert into policy_parameter (name, scope, effective_from, value, source)
                        values (:name, :scope, :from, :value, :source)
                        on conflict (name, scope, effective_from) do update set value = excluded.value, source = excluded.source""")
                .param("name", name).param("scope", scope).param("from", effectiveFrom).param("value", value)
                .param("source", reason).update();
        jdbc.sql("""
                        insert into policy_parameter_change (name, scope, effective_from, old_value, new_value, changed_by, reason)
                        values (:name, :scope, :from, :old, :value, :actor, :reason)""")
                .param("name", name).param("scope", scope).param("from", effectiveFrom).param("old", old.orElse(null))
                .param("value", value).param("actor", actor).param("reason", reason).update();
        return new PolicyValue(name, scope, effectiveFrom, value);
    }
}
