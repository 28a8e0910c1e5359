/**
 * Household income (家庭收入) per year by component, and the per-capita net income that is
 * compared with the monitoring line (防止返贫监测线). The residents' basic pension is its own
 * component so that civil affairs can leave it out of the dibao income test.
 */
@OwnsTables({"income_record", "asset_income_share"})
package fushun.monitoring.income;

import fushun.platform.OwnsTables;
