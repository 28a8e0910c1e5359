/** Income of operating assets and the villages distribution plans. */
package fushun.assetmanagement.income;
