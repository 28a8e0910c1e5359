/** The demo city the local platform seeds on first start: synthetic data only. */
package fushun.monitoring.demo;
