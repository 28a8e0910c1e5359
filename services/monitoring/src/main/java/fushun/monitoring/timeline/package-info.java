/** A household's history in order: every signal, clue, decision, alert, assignment answer and measure. */
package fushun.monitoring.timeline;
