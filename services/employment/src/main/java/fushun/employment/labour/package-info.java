/** Labourers per household, employment status, training; the job-loss signal. */
package fushun.employment.labour;
