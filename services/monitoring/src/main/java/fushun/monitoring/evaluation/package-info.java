/**
 * Risk evaluation (风险研判): income against the monitoring line, combined with the signals the
 * bureaus and cadres reported. Pure rules over effective-dated parameters; every result says
 * which rule decided, on which inputs, with which parameter versions.
 */
package fushun.monitoring.evaluation;
