/**
 * Feed completeness, written once for every bureau (报送完整性): a service records each piece of a
 * bureau's monthly duty as it arrives ({@link fushun.platform.feed.FeedCompleteness#arrived}: per
 * bureau, county and month, on time or late against the deadline, an effective-dated parameter),
 * the counties expected each month are effective-dated data ({@code feed_expectation}), and a
 * scheduled check publishes one {@link fushun.contracts.feed.FeedDeadlineMissed} per bureau and month
 * on the service's {@code <service>.feed.v1} when some county was late or missing. What counts as an
 * arrival is the owning service's rule; the lateness rule is {@link fushun.platform.feed.FeedLateness}.
 * Switched on and set per service under {@code platform.feeds.*}.
 */
package fushun.platform.feed;
