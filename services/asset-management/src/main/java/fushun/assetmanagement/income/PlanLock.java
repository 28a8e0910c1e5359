package fushun.assetmanagement.income;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One plan per village and year, and no income recorded for a year whose plan is confirmed: both
 * take the village's and year's advisory lock, in the caller's transaction.
 */
final class PlanLock {

    private PlanLock() {
    }

    static void lock(JdbcClient jdbc, String village, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "plan:" + village + ":" + year)
                .query((rs, n) -> 1).list();
    }

    static boolean confirmed(JdbcClient jdbc, String village, int year) {
        return jdbc.sql("select count(*) from distribution_plan where village = :v and year = :y").param("v", village)
                .param("y", year).query(Long.class).single() > 0;
    }
}
