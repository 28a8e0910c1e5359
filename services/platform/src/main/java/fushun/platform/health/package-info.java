/** What readiness checks beyond the application's own state: the broker (the database is Boot's {@code db}). */
package fushun.platform.health;
