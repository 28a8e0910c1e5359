/**
 * The one-command local platform: real PostgreSQL (zonky's embedded binaries, or a server given
 * by URL), a real Kafka broker in KRaft mode run from the Kafka jars, Keycloak from its Maven
 * Central distribution with the realm imported, then every service, the console and the gateway
 * as separate JVMs. No Docker. The end-to-end test drives the same class.
 */
package fushun.local;
