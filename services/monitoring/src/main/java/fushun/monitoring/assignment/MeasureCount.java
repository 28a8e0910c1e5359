package fushun.monitoring.assignment;

import java.math.BigDecimal;

/** Typed measures of one bureau and type in one county over a period: how many, and their amounts added up. */
public record MeasureCount(String county, String bureau, String measureType, String label, long measures,
                           BigDecimal amount) {
}
