/** Income of operating assets and the villages distribution plans. */
@OwnsTables({"asset_income", "village_household", "distribution_plan", "distribution_line"})
package fushun.assetmanagement.income;

import fushun.platform.OwnsTables;
