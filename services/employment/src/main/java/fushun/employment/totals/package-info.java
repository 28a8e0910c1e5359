/**
 * What the human resources bureau paid in a county and month (每月发放汇总), published as
 * {@code MonthlyTotals} on {@code employment.feed.v1} for the December report: public-welfare post
 * subsidies from the month's attendance, and the year's pension premiums paid on behalf.
 */
@OwnsTables({"monthly_totals_published"})
package fushun.employment.totals;

import fushun.platform.OwnsTables;
