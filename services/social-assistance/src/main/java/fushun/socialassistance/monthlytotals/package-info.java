/**
 * Civil affairs' monthly totals (每月发放汇总, {@code MonthlyTotals} on {@code social-assistance.feed.v1}):
 * what the bureau paid in a county and month, counted from the payroll's payments and the township
 * funds' payouts whenever one of them pays, and published in the payment's transaction. The newest
 * replaces the earlier ones of the county and month, so the December report shows the money paid
 * rather than the standards. Owns no tables: it asks {@code benefits} and {@code temporaryaid}.
 */
package fushun.socialassistance.monthlytotals;
