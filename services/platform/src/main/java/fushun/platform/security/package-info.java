/**
 * The Keycloak adapter: realm roles and the platform client's roles become authorities, the
 * {@code division} claim becomes the caller's {@link fushun.platform.security.Jurisdiction}.
 * Every service is an OAuth2 resource server checking issuer, audience and signature.
 */
package fushun.platform.security;
