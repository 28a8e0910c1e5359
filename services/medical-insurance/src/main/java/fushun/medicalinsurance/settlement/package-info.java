/**
 * The settlement feed (结算数据): integrations post settlements; the service keeps yearly self-pay
 * per household and signals monitoring once when it crosses the threshold (a parameter). The
 * three-tier calculation itself comes with issue 5; here the hospital's settled amounts are taken.
 * What the tiers paid per insured county and month goes out as {@code MonthlyTotals} with the
 * batch that changed it ({@link fushun.medicalinsurance.settlement.MonthlyPayments}).
 */
@OwnsTables({"settlement", "self_pay_signal", "person_settlement_year", "monthly_totals_due"})
package fushun.medicalinsurance.settlement;

import fushun.platform.OwnsTables;
