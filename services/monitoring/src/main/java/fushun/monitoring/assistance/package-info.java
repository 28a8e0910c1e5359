/**
 * Civil affairs' assistance status of each household (低保, 特困 with their effective dates, 临时救助
 * paid), heard from social assistance: dibao and 特困 households are part of the rural low-income
 * population that monitoring watches (§2(2)2: 对农村低保对象、农村特困人员……开展动态监测).
 */
@OwnsTables({"assistance_period", "assistance_change"})
package fushun.monitoring.assistance;

import fushun.platform.OwnsTables;
