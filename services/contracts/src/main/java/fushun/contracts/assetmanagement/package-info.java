/** Events only asset management publishes, on {@code asset-management.measure.v1}. */
package fushun.contracts.assetmanagement;
