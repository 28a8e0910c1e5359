/** Rural public-welfare posts: set, hired, paid from attendance, exited; suggestions for alerts. */
package fushun.employment.posts;
