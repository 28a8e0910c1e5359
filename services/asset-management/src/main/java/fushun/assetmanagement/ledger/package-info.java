/** The asset ledger and its guarded, audited changes. */
@OwnsTables({"asset", "asset_change", "asset_audit"})
package fushun.assetmanagement.ledger;

import fushun.platform.OwnsTables;
