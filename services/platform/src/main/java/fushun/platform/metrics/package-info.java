/**
 * Business metrics every service counts the same way (issue 15): a value read once for several
 * gauges ({@link fushun.platform.metrics.RecentValue}), the rows of a bulk import
 * ({@link fushun.platform.metrics.ImportMetrics}) and the risk signals a bureau publishes
 * ({@link fushun.platform.metrics.SignalMetrics}). Tags are fixed words only (enum names, a
 * import's kind), never personal data, so every metric has a bounded number of series.
 */
package fushun.platform.metrics;
