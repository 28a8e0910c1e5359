/** Whether each county's settlements of a month arrived on time: per county and month, late ones counted. */
@OwnsTables({"feed_county", "feed_check"})
package fushun.medicalinsurance.feed;

import fushun.platform.OwnsTables;
