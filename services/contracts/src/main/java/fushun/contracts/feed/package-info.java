/**
 * Feed completeness, the same for every bureau (报送完整性): each service that tracks a bureau's
 * monthly duty publishes {@link fushun.contracts.feed.FeedDeadlineMissed} on its own
 * {@code <service>.feed.v1} when a month's feed was late or missing.
 */
package fushun.contracts.feed;
