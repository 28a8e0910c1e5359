package fushun.gateway;

import fushun.platform.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the gateway's tests share: tokens checked by the test key, and services routed to a port
 * where nothing listens (a routed call answers 503 through the breaker).
 */
final class DeadBackends {

    private DeadBackends() {
    }

    @TestConfiguration
    static class Tokens {
        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            var blocking = TestTokens.decoder();
            return token -> reactor.core.publisher.Mono.fromCallable(() -> blocking.decode(token));
        }
    }

    static void register(DynamicPropertyRegistry registry) {
        String nobody = "http://localhost:" + closedPort();
        for (String service : new String[] {"MONITORING", "SOCIAL_ASSISTANCE", "MEDICAL_INSURANCE", "CONSOLE"}) {
            registry.add(service + "_URL", () -> nobody);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
