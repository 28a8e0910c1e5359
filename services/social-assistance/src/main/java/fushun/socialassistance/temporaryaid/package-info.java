/**
 * Temporary assistance (临时救助, 救急难) from each township's reserve fund: top-ups, payouts within
 * the amount limit (a parameter), never beyond the balance, also when operators pay at the same
 * moment; the green channel pays first and is reviewed later.
 */
package fushun.socialassistance.temporaryaid;
