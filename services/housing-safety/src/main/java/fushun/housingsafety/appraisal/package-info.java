/** Appraisal tasks, appraisals graded A–D, renovations of C and D houses, the yearly screening. */
package fushun.housingsafety.appraisal;
