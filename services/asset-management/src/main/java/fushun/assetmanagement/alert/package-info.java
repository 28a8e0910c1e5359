/**
 * Risk alerts as the asset office receives them: each is recorded, so that the income of
 * operating assets can serve monitored households first. The asset ledger, approvals and income distribution that serves monitored households first come with issue 7.
 */
package fushun.assetmanagement.alert;
