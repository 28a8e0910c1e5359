package fushun.contracts.feed;

import fushun.contracts.Bureau;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a bureau paid or delivered in one county and month, as its own records stand (每月发放汇总):
 * dibao and 特困 payrolls, temporary aid per township fund, medical-insurance tiers and premium
 * subsidies, renovation subsidies, public-welfare post subsidies, pension premiums paid on behalf.
 * Published by the service that pays, on its {@code <service>.feed.v1}, whenever the month's figures
 * change; the newest ({@code computedAt}) replaces every earlier one of the same bureau, county and
 * month, so a reader keeps the last and needs no history. Fixed words and figures only: no names,
 * no ID numbers.
 *
 * @param county     the six-digit county code
 * @param month      the month paid, as {@code 2026-10}
 * @param items      one line per kind of payment; an empty list means nothing was paid that month
 * @param computedAt when the service counted its records
 */
public record MonthlyTotals(
        Bureau bureau,
        String county,
        String month,
        List<Item> items,
        Instant computedAt) {

    public MonthlyTotals {
        items = List.copyOf(items);
    }

    /**
     * @param code       a stable code of the kind of payment, e.g. {@code DIBAO}, {@code TEMPORARY_AID:210422100}
     * @param label      its Chinese name as the report shows it, e.g. 农村低保金, 临时救助（新宾镇备用金）
     * @param households households paid in the month
     * @param persons    persons covered, or 0 where the payment is per household
     * @param amount     yuan paid in the month
     */
    public record Item(String code, String label, long households, long persons, BigDecimal amount) {
    }
}
