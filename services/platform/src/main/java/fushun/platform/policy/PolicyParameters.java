package fushun.platform.policy;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up the value of a parameter in force on a date: a scope's own value wins over {@code *}. */
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
}
