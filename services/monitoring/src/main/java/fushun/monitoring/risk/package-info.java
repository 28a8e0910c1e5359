/**
 * Risk warning (风险预警): bureau signals become alerts for a household and risk type, with one
 * assignment per responsible bureau and a deadline from the responsibility matrix; measures from
 * the bureaus move the assignments on. The fuller evaluation and the village → township → county
 * procedure come with issue 3; here a bureau's signal raises the alert directly.
 */
@OwnsTables({"risk_alert", "risk_signal", "monitored_risk", "responsibility"})
package fushun.monitoring.risk;

import fushun.platform.OwnsTables;
