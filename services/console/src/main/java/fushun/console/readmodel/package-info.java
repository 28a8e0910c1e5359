/** The console's read model, built from every service's events, and the dashboards over it. */
@OwnsTables({"household_view", "household_event", "alert_view", "alert_measure", "feed_month",
        "feed_deadline_missed"})
package fushun.console.readmodel;

import fushun.platform.OwnsTables;
