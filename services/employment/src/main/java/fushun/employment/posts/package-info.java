/** Rural public-welfare posts: set, hired, paid from attendance, exited; suggestions for alerts. */
@OwnsTables({"welfare_post", "post_holding", "attendance"})
package fushun.employment.posts;

import fushun.platform.OwnsTables;
