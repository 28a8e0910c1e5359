/** The asset ledger and its guarded, audited changes. */
package fushun.assetmanagement.ledger;
