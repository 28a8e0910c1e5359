/** Events every bureau service publishes on its own topics: what it saw and what it did. */
package fushun.contracts.bureau;
