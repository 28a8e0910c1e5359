package fushun.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single entrance: checks the Keycloak token on every {@code /api/**} call (each service checks
 * it again), routes by path to the owning service, and answers 503 with a problem body when a
 * service is down or slow (circuit breaker per route).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
