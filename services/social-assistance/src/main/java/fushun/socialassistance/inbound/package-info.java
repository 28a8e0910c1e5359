/** Listeners for monitoring's topics. */
package fushun.socialassistance.inbound;
