package fushun.monitoring.assignment;

import java.math.BigDecimal;

/** One bureau in one county: how it keeps its deadlines. */
public record LeagueRow(String bureau, String county, long total, long open, long closedOnTime, long closedLate,
                        long overdueOpen, long escalated, BigDecimal onTimeRate) {
}
