package fushun.monitoring.assignment;

import fushun.contracts.Bureau;
import java.time.LocalDate;

/**
 * One version of a bureau's measure type (帮扶措施类型): a stable code, its fixed Chinese label, whether
 * an amount is required (and what it means), how often it recurs, where it comes from, and the days it
 * applies to ({@code effectiveTo} inclusive, open when null).
 */
public record MeasureType(String code, Bureau bureau, String label, boolean amountRequired, String amountLabel,
                          String cadence, String sourceNote, LocalDate effectiveFrom, LocalDate effectiveTo) {

    public boolean effectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
