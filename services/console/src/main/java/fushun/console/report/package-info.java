/**
 * The December report (年度工作总结报告, ADR 0037): a reporting read model folded from the platform's
 * events, each county's and the city's figures for a monitoring year, the .docx with its charts and
 * the .xlsx annex, and the workflow (drafted on 1 December, narrative by the county approver,
 * submitted by 10 December, versions kept, submitted ones frozen).
 */
@OwnsTables({"report_household", "report_monitoring", "report_alert", "report_assignment", "report_measure",
        "report_assistance", "report_asset_income", "report_signal", "report_feed", "report_monthly_count", "report_monthly_total", "annual_report_version"})
package fushun.console.report;

import fushun.platform.OwnsTables;
