/**
 * The year's re-check (年度动态调整): the county opens it, every monitored household of the county
 * becomes a task for its village cadre (visit, per-capita income, outcome), the township reviews,
 * the county confirms. A confirmed outcome keeps monitoring, changes the category (the county's
 * decision) or opens the risk-elimination procedure. Progress per township and village and the
 * overdue list are read straight from SQL; the result feeds the December report.
 */
@OwnsTables({"recheck", "recheck_task", "recheck_decision"})
package fushun.monitoring.recheck;

import fushun.platform.OwnsTables;
