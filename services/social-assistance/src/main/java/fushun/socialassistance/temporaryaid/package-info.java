/**
 * Temporary assistance (临时救助, 救急难) from each township's reserve fund: top-ups, payouts within
 * the amount limit (a parameter), never beyond the balance, also when operators pay at the same
 * moment. A payout is recorded by one person and reviewed by another: an ordinary one is paid when its
 * review approves it, the green channel pays first and is reviewed later (先救助后审核).
 */
@OwnsTables({"reserve_fund", "fund_movement"})
package fushun.socialassistance.temporaryaid;

import fushun.platform.OwnsTables;
